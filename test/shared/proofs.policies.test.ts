/** Policy matrix of the `proofs` sets: who issues proofs as a community (staff over it) and as a group (its leaders). */
import type { PolicyActor } from '../../src/shared/policies/actor';
import { abilities } from '../../src/shared/policies/authorize';
import type { GroupResource } from '../../src/shared/policies/groups';
import { proofCommunityPolicies, proofGroupPolicies } from '../../src/shared/policies/proofs';

const beiyuan = { regionId: 'cm-beiyuan', ancestorIds: ['cty-linxi', 'st-chengguan'] };
const ROLES: Record<string, PolicyActor> = {
  resident: { userId: 'u1', grants: [] },
  committee: { userId: 'u2', grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] },
  street: { userId: 'u3', grants: [{ role: 'street', regionId: 'st-chengguan' }] },
  county: { userId: 'u4', grants: [{ role: 'county', regionId: 'cty-linxi' }] },
  otherCommittee: { userId: 'u5', grants: [{ role: 'committee', regionId: 'cm-nanwan' }] },
};
const STAFF_OVER = ['committee', 'street', 'county'];

describe('issuing as a community', () => {
  test.each(Object.keys(ROLES))('%s', (role) => {
    expect(abilities(proofCommunityPolicies, ROLES[role]!, beiyuan)).toEqual(STAFF_OVER.includes(role) ? ['proofs.issueForCommunity'] : []);
  });
});

describe("a group's proofs: its leaders, once the group was approved", () => {
  const group = (status: GroupResource['status'], membership: GroupResource['membership']): GroupResource => ({
    ...beiyuan,
    status,
    type: 'service',
    joinPolicy: 'open',
    managementLevel: 'community',
    applicantId: null,
    membership,
  });
  const cases: Array<[GroupResource['status'], GroupResource['membership'], boolean]> = [
    ['active', { status: 'active', role: 'leader' }, true],
    ['active', { status: 'active', role: 'co_leader' }, true],
    ['dissolved', { status: 'active', role: 'leader' }, true],
    ['suspended', { status: 'active', role: 'leader' }, true],
    ['pending', { status: 'active', role: 'leader' }, false],
    ['rejected', { status: 'active', role: 'leader' }, false],
    ['active', { status: 'active', role: 'member' }, false],
    ['active', { status: 'left', role: 'leader' }, false],
    ['active', null, false],
  ];
  test.each(cases)('%s group, %j', (status, membership, allowed) => {
    // Staff over the community do not issue as the group: they issue as the community.
    expect(abilities(proofGroupPolicies, ROLES.committee!, group(status, membership))).toEqual(allowed ? ['proofs.issueForGroup'] : []);
  });
});
