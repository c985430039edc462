/**
 * The region-tree import against the emulator (the demo seed's county, 临溪县, has no codes):
 * every kind of problem reported by row with nothing written; the sample file adopts the seed's
 * nodes instead of duplicating them; the same file twice writes nothing; a changed name is an
 * update; nodes missing from the file — one with groups among them — are reported and kept.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importRegions } from '../../cloudfunctions/_core/commands/regions/import';
import { planRegionImport, levelOfCode } from '../../cloudfunctions/_core/commands/regions/importPlan';
import { readRegionSheet, regionTemplateWorkbook, TEMPLATE_ROWS } from '../../cloudfunctions/_core/documents/regionSheet';
import { allRegions, updateRegion, type RegionDoc } from '../../cloudfunctions/_core/repositories/regions';
import type { RegionImportReport } from '../../src/shared/schemas/regions';
import { snapshotDatabase } from '../support/dbSnapshot';
import { startCloudForCore } from '../support/coreAgainstCloud';

const SAMPLE = readFileSync(join(__dirname, '..', '..', 'docs', 'regions-sample.csv'));
const HEADER = '区划代码,名称,上级区划代码,城乡分类代码,网格';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'));
const cli = { kind: 'cli' } as const;
const run = (bytes: Buffer, apply = true): Promise<RegionImportReport> => importRegions(async () => bytes, apply, cli, new Date());

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  cloud = await startCloudForCore();
});
afterAll(async () => cloud.close());

const byName = (regions: RegionDoc[], name: string) => regions.find((r) => r.name === name);

test('codes name their level by their zeros; anything else is no code', () => {
  expect(levelOfCode('330122000000')).toBe('county');
  expect(levelOfCode('330122001000')).toBe('street');
  expect(levelOfCode('330122001001')).toBe('community');
  for (const bad of ['33012200100', '3301220010011', '33012200100a', '330100000000', '']) expect(levelOfCode(bad)).toBeNull();
});

test('every kind of problem is reported with its row, and nothing is written', async () => {
  const before = snapshotDatabase(cloud.dataDir);
  const report = await run(
    csv(
      '330122000000,临溪县,,,', // row 2: fine
      '330122001000,,330122000000,,', // 3: name missing
      '3301220010,城关街道,330122000000,,', // 4: bad code format
      '330122002000,南山街道,330122000000,,', // 5: fine
      '330122003001,错位社区,330122002000,111,', // 6: code not under its parent's prefix
      '330122009001,孤儿社区,330122009000,111,', // 7: unknown parent
      '330122002001,青石社区,330122002000,111,一网格、二网格', // 8: fine
      '330122002001,青石社区二,330122002000,111,', // 9: duplicate code
      '330122002002,青石社区,330122002000,111,', // 10: duplicate name under the same parent
      '330122002003,白石社区,330122002000,999,', // 11: bad urban/rural code
      '330122002004,黑石社区,330122002000,220,甲网格、甲网格', // 12: grid area twice
      '330122002005,红石社区,330122002000,,', // 13: urban/rural code missing
      '330122004000,东山街道,330122000000,,一网格', // 14: grid areas on a street
      `330122002006,${'长'.repeat(41)},330122002000,111,`, // 15: name too long
    ),
  );
  expect(report.applied).toBe(false);
  expect(report.changes).toEqual([]);
  expect(report.errors.map((e) => [e.row, e.problem, e.column])).toEqual([
    [3, 'NAME_MISSING', '名称'],
    [4, 'CODE_FORMAT', '区划代码'],
    [6, 'PARENT_PREFIX', '区划代码'],
    [7, 'PARENT_UNKNOWN', '上级区划代码'],
    [9, 'DUPLICATE_CODE', '区划代码'],
    [10, 'DUPLICATE_NAME', '名称'],
    [11, 'URBAN_RURAL_CODE', '城乡分类代码'],
    [12, 'GRID_AREA', '网格'],
    [13, 'URBAN_RURAL_CODE', '城乡分类代码'],
    [14, 'GRID_AREA', '网格'],
    [15, 'NAME_INVALID', '名称'],
  ]);
  expect(report.errors.find((e) => e.row === 6)!.message).toBe('第 6 行：区划代码 330122003001 不在上级 330122002000 之下（前 9 位应相同）');
  expect(report.errors.find((e) => e.row === 9)!.message).toBe('第 9 行：区划代码 330122002001 与第 8 行重复');
  expect(report.errorCount).toBe(11);
  expect(snapshotDatabase(cloud.dataDir)).toBe(before);
});

test('file-level problems: no rows, a missing column, two counties, an unreadable workbook', async () => {
  const before = snapshotDatabase(cloud.dataDir);
  expect((await run(csv())).errors.map((e) => e.problem)).toEqual(['NO_ROWS']);
  expect((await run(Buffer.from('区划代码,名称,城乡分类代码\n330122000000,临溪县,'))).errors).toEqual([
    { row: 0, column: '上级区划代码', problem: 'COLUMN_MISSING', message: '缺少“上级区划代码”列（第 1 行应是表头）' },
  ]);
  expect((await run(csv('330122000000,临溪县,,,', '330123000000,别的县,,,'))).errors.map((e) => e.problem)).toEqual(['COUNTY_COUNT']);
  expect((await run(Buffer.from('PK\u0003\u0004 not really a zip'))).errors.map((e) => e.problem)).toEqual(['FILE_UNREADABLE']);
  expect(snapshotDatabase(cloud.dataDir)).toBe(before);
});

test('a dry run reports what the import would do and writes nothing', async () => {
  const before = snapshotDatabase(cloud.dataDir);
  const report = await run(SAMPLE, false);
  expect(report).toMatchObject({ applied: false, county: { code: '330122000000', name: '临溪县' }, rows: 9, errorCount: 0, created: 0, updated: 9, unchanged: 0, missingCount: 0 });
  expect(snapshotDatabase(cloud.dataDir)).toBe(before);
});

test('the sample adopts the seed nodes (no duplicates), a second run writes nothing, a changed name is one update', async () => {
  const countBefore = (await allRegions()).length;
  const first = await run(SAMPLE);
  expect(first).toMatchObject({ applied: true, created: 0, updated: 9, unchanged: 0 });
  expect(first.changes.find((c) => c.name === '北苑社区')).toMatchObject({ change: 'update', fields: ['code', 'urbanRuralCode', 'urban', 'gridAreas'] });
  const regions = await allRegions();
  expect(regions).toHaveLength(countBefore);
  expect(byName(regions, '北苑社区')).toMatchObject({ _id: 'cm-beiyuan', code: '330122001001', urbanRuralCode: '111', urban: true, kind: 'urban', gridAreas: ['第一网格', '第二网格', '第三网格'] });
  // 112 城乡结合区 is urban, 210 乡中心区 rural.
  expect(byName(regions, '东门社区')).toMatchObject({ urban: true, kind: 'urban', urbanRuralCode: '112' });
  expect(byName(regions, '石桥村')).toMatchObject({ urban: false, kind: 'rural', urbanRuralCode: '210', gridAreas: ['石桥网格'] });

  const before = snapshotDatabase(cloud.dataDir);
  const second = await run(SAMPLE);
  expect(second).toMatchObject({ applied: false, created: 0, updated: 0, unchanged: 9, changes: [] });
  expect(snapshotDatabase(cloud.dataDir)).toBe(before);

  const renamed = await run(Buffer.from(SAMPLE.toString('utf8').replace('南湖社区', '南湖新村社区')));
  expect(renamed).toMatchObject({ applied: true, created: 0, updated: 1, unchanged: 8 });
  expect(renamed.changes).toEqual([{ row: 5, code: '330122001002', name: '南湖新村社区', level: 'community', change: 'update', fields: ['name'] }]);
  expect(byName(await allRegions(), '南湖新村社区')?._id).toBe('cm-nanhu');
});

test('nodes missing from the file are reported with their groups and kept; new nodes are created under their parents', async () => {
  const without北苑 = SAMPLE.toString('utf8')
    .split('\n')
    .filter((line) => !line.includes('北苑社区'))
    .join('\n')
    .replace('南湖社区', '南湖新村社区');
  const report = await run(Buffer.from(`${without北苑}330122001004,西园社区,330122001000,111,西园一网格\n`));
  expect(report).toMatchObject({ applied: true, created: 1, missingCount: 1 });
  expect(report.missing).toEqual([{ id: 'cm-beiyuan', code: '330122001001', name: '北苑社区', level: 'community', groups: expect.any(Number) }]);
  expect(report.missing[0]!.groups).toBeGreaterThan(0);
  const regions = await allRegions();
  expect(byName(regions, '北苑社区')?._id).toBe('cm-beiyuan');
  expect(byName(regions, '西园社区')).toMatchObject({ _id: 'rg-330122001004', parentId: 'st-chengguan', ancestorIds: ['cty-linxi', 'st-chengguan'], gridAreas: ['西园一网格'] });
});

test('a new county is created from the file with ids from its codes', async () => {
  const report = await run(csv('330199000000,云岭县,,,', '330199100000,云岭镇,330199000000,,', '330199100201,上坪村,330199100000,220,上坪一组、上坪二组'));
  expect(report).toMatchObject({ applied: true, created: 3, county: { code: '330199000000', name: '云岭县' } });
  const village = byName(await allRegions(), '上坪村');
  expect(village).toMatchObject({ _id: 'rg-330199100201', parentId: 'rg-330199100000', ancestorIds: ['rg-330199000000', 'rg-330199100000'], urban: false, kind: 'rural' });
  // The plan of another county never looks at this one.
  const plan = planRegionImport([{ row: 2, cells: { code: '330122000000', name: '临溪县', parentCode: '', urbanRuralCode: '', gridAreas: '' } }], await allRegions());
  expect(plan.missing.some((r) => r.name === '上坪村')).toBe(false);
});

test('a node whose code sits under another parent in the database is not moved', async () => {
  const file = csv('330199000000,云岭县,,,', '330199100000,云岭镇,330199000000,,', '330199101000,云溪乡,330199000000,,', '330199100201,上坪村,330199100000,220,上坪一组、上坪二组');
  expect(await run(file)).toMatchObject({ applied: true, created: 1 });
  // A tree set by hand before imports existed: 上坪村 filed under 云溪乡.
  await updateRegion('rg-330199100201', { parentId: 'rg-330199101000', ancestorIds: ['rg-330199000000', 'rg-330199101000'] });
  const before = snapshotDatabase(cloud.dataDir);
  const report = await run(file);
  expect(report.errors).toEqual([{ row: 5, column: '上级区划代码', problem: 'MOVED', message: '第 5 行：上坪村（330199100201）已在另一个上级之下，导入不移动节点' }]);
  expect(snapshotDatabase(cloud.dataDir)).toBe(before);
});

test('the xlsx template reads back as its example rows; codes typed as numbers keep every digit', async () => {
  const template = await readRegionSheet(await regionTemplateWorkbook());
  expect(template.ok && template.rows.map((r) => r.cells)).toEqual(TEMPLATE_ROWS);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('x');
  sheet.addRow(['区划代码', '名称', '上级区划代码', '城乡分类代码']);
  sheet.addRow([330122000000, '临溪县', null, null]);
  sheet.addRow([330122001000, '城关街道', 330122000000, null]);
  const read = await readRegionSheet(Buffer.from(await workbook.xlsx.writeBuffer()));
  expect(read.ok && read.rows.map((r) => [r.row, r.cells.code, r.cells.parentCode])).toEqual([
    [2, '330122000000', ''],
    [3, '330122001000', '330122000000'],
  ]);
});

test('a CSV saved by Excel in GB18030 (Chinese Windows) reads the same as UTF-8', async () => {
  // "临溪县" and the header in GB18030 bytes, as Excel's "CSV (逗号分隔)" writes them.
  const gb = Buffer.from('c7f8bbaeb4fac2eb2cc3fbb3c62cc9cfbcb6c7f8bbaeb4fac2eb2cb3c7cfe7b7d6c0e0b4fac2eb0d0a3333303132323030303030302cc1d9cfaacfd82c2c0d0a', 'hex');
  const read = await readRegionSheet(gb);
  expect(read.ok && read.rows.map((r) => [r.cells.code, r.cells.name])).toEqual([['330122000000', '临溪县']]);
});
