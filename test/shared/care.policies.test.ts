/**
 * Policy matrix of the register of people served: every ability × every role, active and closed.
 * Only the committee of her community keeps the register; the paired see an active person; street
 * and county staff above her, another community's committee and everyone else see nothing.
 */
import { AppError } from '../../src/shared/errors';
import type { PolicyActor } from '../../src/shared/policies/actor';
import { abilities, authorize } from '../../src/shared/policies/authorize';
import { careCommunityPolicies, carePolicies, type CareResource } from '../../src/shared/policies/care';

const beiyuan = { regionId: 'cm-beiyuan', ancestorIds: ['cty-linxi', 'st-chengguan'] };
const ROLES: Record<string, PolicyActor> = {
  resident: { userId: 'u1', grants: [] },
  paired: { userId: 'u2', grants: [] },
  committee: { userId: 'u3', grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] },
  otherCommittee: { userId: 'u4', grants: [{ role: 'committee', regionId: 'cm-nanhu' }] },
  street: { userId: 'u5', grants: [{ role: 'street', regionId: 'st-chengguan' }] },
  otherStreet: { userId: 'u6', grants: [{ role: 'street', regionId: 'st-taoyuan' }] },
  county: { userId: 'u7', grants: [{ role: 'county', regionId: 'cty-linxi' }] },
};
type Status = CareResource['status'];
const resource = (role: string, status: Status): CareResource => ({ ...beiyuan, status, paired: role === 'paired' });

describe('the register of a community', () => {
  test.each(Object.keys(ROLES).flatMap((role) => Object.keys(careCommunityPolicies).map((ability) => [ability, role] as const)))('%s: %s', (ability, role) => {
    expect(abilities(careCommunityPolicies, ROLES[role]!, beiyuan).includes(ability)).toBe(role === 'committee');
  });
});

describe('one person in care', () => {
  const keeps = (role: string) => role === 'committee';
  const expected: Record<string, (role: string, status: Status) => boolean> = {
    'care.view': (role, status) => keeps(role) || (role === 'paired' && status === 'active'),
    'care.viewConsent': (role) => keeps(role),
    'care.update': (role, status) => keeps(role) && status === 'active',
    'care.close': (role, status) => keeps(role) && status === 'active',
    'care.pair': (role, status) => keeps(role) && status === 'active',
    'care.unpair': (role) => keeps(role),
    'care.logVisit': (role, status) => role === 'paired' && status === 'active',
    'care.visits': (role, status) => keeps(role) || (role === 'paired' && status === 'active'),
  };
  const cells = Object.keys(expected).flatMap((ability) => Object.keys(ROLES).flatMap((role) => (['active', 'closed'] as const).map((status) => [ability, role, status] as const)));
  test.each(cells)('%s: %s, %s', (ability, role, status) => {
    const allowed = expected[ability]!(role, status);
    expect(abilities(carePolicies, ROLES[role]!, resource(role, status)).includes(ability)).toBe(allowed);
    const hidden = new AppError('NOT_FOUND', '服务对象不存在');
    const attempt = () => authorize(carePolicies, ability, ROLES[role]!, resource(role, status), hidden);
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(hidden);
  });

  test('the abilities cover exactly the policy set', () => {
    expect(Object.keys(carePolicies).sort()).toEqual(Object.keys(expected).sort());
  });
});
