/** Policy matrix for the account actions and staff scopes over the region tree. */
import { AppError } from '../../src/shared/errors';
import { accountPolicies } from '../../src/shared/policies/account';
import { hasStaffRoleOver, type PolicyActor } from '../../src/shared/policies/actor';
import { abilities, authorize } from '../../src/shared/policies/authorize';

const resident: PolicyActor = { userId: 'u1', grants: [] };
const committee: PolicyActor = { userId: 'u2', grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] };
const street: PolicyActor = { userId: 'u3', grants: [{ role: 'street', regionId: 'st-chengguan' }] };
const county: PolicyActor = { userId: 'u4', grants: [{ role: 'county', regionId: 'cty-linxi' }] };
const otherCommittee: PolicyActor = { userId: 'u5', grants: [{ role: 'committee', regionId: 'cm-nanhu' }] };

describe('account policies', () => {
  const matrix: Array<[string, PolicyActor, string, boolean]> = [
    ['resident, own account', resident, 'u1', true],
    ['resident, someone else', resident, 'u2', false],
    ['committee, someone else', committee, 'u1', false],
    ['county, someone else', county, 'u1', false],
  ];
  test.each(matrix)('account.updateProfile: %s', (_label, actor, target, allowed) => {
    expect(abilities(accountPolicies, actor, { userId: target }).includes('account.updateProfile')).toBe(allowed);
    const attempt = () => authorize(accountPolicies, 'account.updateProfile', actor, { userId: target });
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow('没有权限进行此操作');
  });

  test('staff.console only for staff on their own account', () => {
    expect(abilities(accountPolicies, resident, { userId: 'u1' })).toEqual(['account.updateProfile']);
    expect(abilities(accountPolicies, committee, { userId: 'u2' })).toEqual(['account.updateProfile', 'staff.console']);
  });

  test('a denial can look like a missing record', () => {
    const missing = new AppError('NOT_FOUND', '内容不存在或已删除');
    expect(() => authorize(accountPolicies, 'account.updateProfile', resident, { userId: 'u9' }, missing)).toThrow(missing);
  });
});

describe('staff scope follows the region tree downwards only', () => {
  const beiyuan = { regionId: 'cm-beiyuan', ancestorIds: ['cty-linxi', 'st-chengguan'] };
  const chengguan = { regionId: 'st-chengguan', ancestorIds: ['cty-linxi'] };
  const taoyuan = { regionId: 'cm-taoyuan', ancestorIds: ['cty-linxi', 'st-taoyuan'] };
  test.each([
    ['committee on its community', committee, ['committee'], beiyuan, true],
    ['committee on another community', otherCommittee, ['committee'], beiyuan, false],
    ['committee on its street (above it)', committee, ['committee', 'street'], chengguan, false],
    ['street on a community below', street, ['street'], beiyuan, true],
    ['street on a community of another street', street, ['street'], taoyuan, false],
    ['county everywhere below', county, ['county'], taoyuan, true],
    ['county role does not count as committee', county, ['committee'], beiyuan, false],
    ['resident nowhere', resident, ['committee', 'street', 'county'], beiyuan, false],
  ] as const)('%s', (_label, actor, roles, scope, expected) => {
    expect(hasStaffRoleOver(actor, roles, scope)).toBe(expected);
  });
});
