/** Policy matrix for committee notices: every ability × every role × every status. */
import { AppError } from '../../src/shared/errors';
import type { PolicyActor } from '../../src/shared/policies/actor';
import { abilities, authorize } from '../../src/shared/policies/authorize';
import { noticeCommunityPolicies, noticePolicies, type NoticeResource } from '../../src/shared/policies/notices';

const beiyuan = { regionId: 'cm-beiyuan', ancestorIds: ['cty-linxi', 'st-chengguan'] };
const ROLES: Record<string, PolicyActor> = {
  resident: { userId: 'u1', grants: [] },
  outsider: { userId: 'u2', grants: [] },
  committee: { userId: 'u3', grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] },
  otherCommittee: { userId: 'u4', grants: [{ role: 'committee', regionId: 'cm-nanhu' }] },
  street: { userId: 'u5', grants: [{ role: 'street', regionId: 'st-chengguan' }] },
  otherStreet: { userId: 'u6', grants: [{ role: 'street', regionId: 'st-taoyuan' }] },
  county: { userId: 'u7', grants: [{ role: 'county', regionId: 'cty-linxi' }] },
};
const STATUSES = ['draft', 'published', 'withdrawn'] as const;
type Status = (typeof STATUSES)[number];
const staff = ['committee', 'street', 'county'];
const resource = (role: string, status: Status): NoticeResource => ({ ...beiyuan, status, resident: role === 'resident' });

describe('notices of a community', () => {
  test.each(Object.keys(ROLES).flatMap((role) => ['notices.post', 'notices.list'].map((ability) => [ability, role] as const)))('%s: %s', (ability, role) => {
    expect(abilities(noticeCommunityPolicies, ROLES[role]!, beiyuan).includes(ability)).toBe(staff.includes(role));
  });
});

describe('one notice', () => {
  const expected: Record<string, (role: string, status: Status) => boolean> = {
    'notices.view': (role, status) => staff.includes(role) || (role === 'resident' && status === 'published'),
    'notices.manage': (role) => staff.includes(role),
    'notices.update': (role, status) => staff.includes(role) && status === 'draft',
    'notices.withdraw': (role, status) => staff.includes(role) && status === 'published',
    'notices.readCounts': (role) => staff.includes(role),
    'notices.dismiss': (role, status) => role === 'resident' && status === 'published',
  };
  const cells = Object.keys(expected).flatMap((ability) => Object.keys(ROLES).flatMap((role) => STATUSES.map((status) => [ability, role, status] as const)));
  test.each(cells)('%s: %s, %s', (ability, role, status) => {
    const allowed = expected[ability]!(role, status);
    expect(abilities(noticePolicies, ROLES[role]!, resource(role, status)).includes(ability)).toBe(allowed);
    const hidden = new AppError('NOT_FOUND', '通知不存在或已撤回');
    const attempt = () => authorize(noticePolicies, ability, ROLES[role]!, resource(role, status), hidden);
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(hidden);
  });

  test('the abilities cover exactly the policy set', () => {
    expect(Object.keys(noticePolicies).sort()).toEqual(Object.keys(expected).sort());
  });
});
