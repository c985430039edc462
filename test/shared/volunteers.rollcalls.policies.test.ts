/** Policy matrix for emergency roll-calls: every ability × every role, open and closed. */
import { AppError } from '../../src/shared/errors';
import type { PolicyActor } from '../../src/shared/policies/actor';
import { abilities, authorize } from '../../src/shared/policies/authorize';
import { rollCallCommunityPolicies, rollCallPolicies, type RollCallResource } from '../../src/shared/policies/volunteers';

const beiyuan = { regionId: 'cm-beiyuan', ancestorIds: ['cty-linxi', 'st-chengguan'] };
const ROLES: Record<string, PolicyActor> = {
  resident: { userId: 'u1', grants: [] },
  called: { userId: 'u2', grants: [] },
  committee: { userId: 'u3', grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] },
  otherCommittee: { userId: 'u4', grants: [{ role: 'committee', regionId: 'cm-nanhu' }] },
  street: { userId: 'u5', grants: [{ role: 'street', regionId: 'st-chengguan' }] },
  otherStreet: { userId: 'u6', grants: [{ role: 'street', regionId: 'st-taoyuan' }] },
  county: { userId: 'u7', grants: [{ role: 'county', regionId: 'cty-linxi' }] },
};
const resource = (role: string, status: 'open' | 'closed'): RollCallResource => ({ ...beiyuan, status, called: role === 'called' });

describe('rollcalls over a community', () => {
  const allowed = ['committee', 'street', 'county'];
  test.each(Object.keys(ROLES).flatMap((role) => ['rollcalls.create', 'rollcalls.list'].map((ability) => [ability, role] as const)))('%s: %s', (ability, role) => {
    expect(abilities(rollCallCommunityPolicies, ROLES[role]!, beiyuan).includes(ability)).toBe(allowed.includes(role));
  });
});

describe('one roll-call', () => {
  const staff = ['committee', 'street', 'county'];
  const expected: Record<string, (role: string, status: 'open' | 'closed') => boolean> = {
    'rollcalls.view': (role) => staff.includes(role) || role === 'called',
    'rollcalls.tally': (role) => staff.includes(role),
    'rollcalls.respond': (role, status) => role === 'called' && status === 'open',
    'rollcalls.close': (role, status) => staff.includes(role) && status === 'open',
  };
  const cells = Object.keys(expected).flatMap((ability) => Object.keys(ROLES).flatMap((role) => (['open', 'closed'] as const).map((status) => [ability, role, status] as const)));
  test.each(cells)('%s: %s, %s', (ability, role, status) => {
    const allowed = expected[ability]!(role, status);
    expect(abilities(rollCallPolicies, ROLES[role]!, resource(role, status)).includes(ability)).toBe(allowed);
    const hidden = new AppError('NOT_FOUND', '召集不存在或已结束');
    const attempt = () => authorize(rollCallPolicies, ability, ROLES[role]!, resource(role, status), hidden);
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(hidden);
  });

  test('the abilities cover exactly the policy set', () => {
    expect(Object.keys(rollCallPolicies).sort()).toEqual(Object.keys(expected).sort());
  });
});
