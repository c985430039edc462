/** Policy matrix for the region import, and the grid-area rule volunteers and roll-calls share. */
import { AppError } from '../../src/shared/errors';
import type { PolicyActor } from '../../src/shared/policies/actor';
import { abilities, authorize } from '../../src/shared/policies/authorize';
import { regionCountyPolicies } from '../../src/shared/policies/regions';
import { gridAreaAllowed, RegionsImportInput } from '../../src/shared/schemas/regions';

const linxi = { regionId: 'cty-linxi', ancestorIds: [] };
const ROLES: Record<string, PolicyActor> = {
  resident: { userId: 'u1', grants: [] },
  committee: { userId: 'u2', grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] },
  street: { userId: 'u3', grants: [{ role: 'street', regionId: 'st-chengguan' }] },
  county: { userId: 'u4', grants: [{ role: 'county', regionId: 'cty-linxi' }] },
  otherCounty: { userId: 'u5', grants: [{ role: 'county', regionId: 'rg-330199000000' }] },
  countyAsCommittee: { userId: 'u6', grants: [{ role: 'committee', regionId: 'cty-linxi' }] },
};

describe('regions.import over a county', () => {
  test.each(Object.keys(ROLES))('%s', (role) => {
    const allowed = role === 'county';
    expect(abilities(regionCountyPolicies, ROLES[role]!, linxi)).toEqual(allowed ? ['regions.import'] : []);
    const attempt = () => authorize(regionCountyPolicies, 'regions.import', ROLES[role]!, linxi);
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(new AppError('FORBIDDEN', '没有权限进行此操作'));
  });
});

describe('gridAreaAllowed', () => {
  test('free text while the community has no list; one of the list, or the value already stored, once it has one', () => {
    expect(gridAreaAllowed([], '湖边3号网格')).toBe(true);
    expect(gridAreaAllowed(['第一网格'], '第一网格')).toBe(true);
    expect(gridAreaAllowed(['第一网格'], '3号网格')).toBe(false);
    expect(gridAreaAllowed(['第一网格'], '3号网格', '3号网格')).toBe(true);
    expect(gridAreaAllowed(['第一网格'], '4号网格', '3号网格')).toBe(false);
    expect(gridAreaAllowed(['第一网格'], null)).toBe(true);
    expect(gridAreaAllowed(['第一网格'], undefined)).toBe(true);
  });
});

describe('RegionsImportInput', () => {
  const parse = (input: unknown) => RegionsImportInput.safeParse(input);
  const messages = (input: unknown) => {
    const result = parse(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  test('a cloud file id or inline base64, an .xlsx or .csv name, and whether to apply', () => {
    expect(parse({ source: { fileName: 'a.xlsx', fileId: 'cloud://env.bucket/imports/regions/a.xlsx' }, apply: false }).success).toBe(true);
    expect(parse({ source: { fileName: 'a.CSV', base64: 'YQ==' }, apply: true }).success).toBe(true);
    expect(parse({ source: { fileName: 'a.xls', base64: 'YQ==' }, apply: true }).success).toBe(false);
    expect(messages({ source: { fileName: 'a.xlsx', fileId: 'https://x/a.xlsx' }, apply: true }).join()).toContain('格式不正确');
    expect(parse({ source: { fileName: 'a.xlsx', fileId: 'cloud://x/a', base64: 'YQ==' }, apply: true }).success).toBe(false);
    expect(messages({ source: { fileName: 'a.csv', base64: 'A'.repeat(3_000_000) }, apply: true }).join()).toContain('文件不能超过 2 MB');
    expect(parse({ source: { fileName: 'a.csv', base64: 'YQ==' } }).success).toBe(false);
  });
});
