/** Policy matrix of the `credits` set: staff over a community run its credits, settings and store. */
import type { PolicyActor } from '../../src/shared/policies/actor';
import { abilities } from '../../src/shared/policies/authorize';
import { creditPolicies } from '../../src/shared/policies/credits';

const beiyuan = { regionId: 'cm-beiyuan', ancestorIds: ['cty-linxi', 'st-chengguan'] };
const ROLES: Record<string, PolicyActor> = {
  resident: { userId: 'u1', grants: [] },
  committee: { userId: 'u2', grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] },
  street: { userId: 'u3', grants: [{ role: 'street', regionId: 'st-chengguan' }] },
  county: { userId: 'u4', grants: [{ role: 'county', regionId: 'cty-linxi' }] },
  otherCommittee: { userId: 'u5', grants: [{ role: 'committee', regionId: 'cm-nanwan' }] },
};
const STAFF_OVER = ['committee', 'street', 'county'];

describe("a community's credits", () => {
  test.each(Object.keys(ROLES))('%s', (role) => {
    const over = STAFF_OVER.includes(role);
    expect(abilities(creditPolicies, ROLES[role]!, beiyuan)).toEqual(over ? ['credits.manage'] : []);
  });
});
