/**
 * The region import over the HTTP face: county staff upload an .xlsx to storage, preview it
 * (nothing written) and apply it; staff of another county, a street and a committee are refused
 * and nothing is written; the template downloads; then grid areas: once imported, volunteers and
 * roll-calls choose from the community's list, and an old free-text value keeps working.
 * Also `npm run admin -- regions import` on a data folder.
 */
import tcb from '@cloudbase/node-sdk';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import type { RegionImportReport } from '../../src/shared/schemas/regions';
import { snapshotDatabase } from '../support/dbSnapshot';
import { databaseOf, grantRole, type Db } from '../support/fixtures';
import { Client, dataOf, freshDataDir, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

const root = join(__dirname, '..', '..');
const IGNORED = ['idempotency', 'rate_limits', 'users'];
let cloud: RunningCloud;
let db: Db;
let app: ReturnType<typeof tcb.init>;

beforeAll(async () => {
  cloud = await startCloud();
  db = databaseOf(cloud);
  app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${cloud.url}/tcb/admin` });
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

const SAMPLE_ROWS = [
  ['330122000000', '临溪县', '', '', ''],
  ['330122001000', '城关街道', '330122000000', '', ''],
  ['330122001001', '北苑社区', '330122001000', '111', '第一网格、第二网格、第三网格'],
  ['330122001002', '南湖社区', '330122001000', '111', ''],
  ['330122001003', '东门社区', '330122001000', '112', ''],
  ['330122101000', '桃源镇', '330122000000', '', ''],
  ['330122101201', '桃源村', '330122101000', '220', '东片网格、西片网格'],
  ['330122101202', '杏花村', '330122101000', '220', ''],
  ['330122101203', '石桥村', '330122101000', '210', ''],
];

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('区划');
  sheet.addRow(['区划代码', '名称', '上级区划代码', '城乡分类代码', '网格']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What the weapp page does: upload the chosen file under imports/regions/ and pass its id. */
async function upload(bytes: Buffer, name: string): Promise<string> {
  return (await app.uploadFile({ cloudPath: `imports/regions/${name}`, fileContent: bytes })).fileID!;
}

test('county staff preview an uploaded xlsx (nothing written), apply it, and a second apply writes nothing', async () => {
  const county = await Client.signIn(cloud.url, 'demo-county');
  const fileId = await upload(await xlsxOf(SAMPLE_ROWS), 'linxi.xlsx');
  const before = snapshotDatabase(cloud.dataDir, IGNORED);
  const preview = await dataOf<RegionImportReport>(county.call('regions', 'regions.import', { source: { fileName: 'linxi.xlsx', fileId }, apply: false }));
  expect(preview).toMatchObject({ applied: false, errorCount: 0, county: { code: '330122000000', name: '临溪县' }, updated: 9, created: 0 });
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);

  const applied = await dataOf<RegionImportReport>(county.call('regions', 'regions.import', { source: { fileName: 'linxi.xlsx', fileId }, apply: true }));
  expect(applied).toMatchObject({ applied: true, updated: 9 });
  const grids = await dataOf<{ gridAreas: string[] }>(county.call('regions', 'regions.gridAreas', { communityId: 'cm-beiyuan' }, null));
  expect(grids.gridAreas).toEqual(['第一网格', '第二网格', '第三网格']);
  const audit = await db.collection('audit_log').where({ action: 'regions.import' }).get();
  expect(audit.data).toHaveLength(1);

  const settled = snapshotDatabase(cloud.dataDir, IGNORED);
  const again = await dataOf<RegionImportReport>(county.call('regions', 'regions.import', { source: { fileName: 'linxi.xlsx', fileId }, apply: true }));
  expect(again).toMatchObject({ applied: false, updated: 0, created: 0, unchanged: 9 });
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(settled);
});

test('a file with errors is reported by row over HTTP too (inline CSV, as the H5 page sends it), nothing written', async () => {
  const county = await Client.signIn(cloud.url, 'demo-county');
  const before = snapshotDatabase(cloud.dataDir, IGNORED);
  const csv = '区划代码,名称,上级区划代码,城乡分类代码,网格\n330122000000,临溪县,,,\n330122001009,,330122001000,111,\n';
  const report = await dataOf<RegionImportReport>(
    county.call('regions', 'regions.import', { source: { fileName: 'bad.csv', base64: Buffer.from(csv).toString('base64') }, apply: true }),
  );
  expect(report.errors.map((e) => [e.row, e.problem])).toEqual([[3, 'NAME_MISSING']]);
  expect(report.applied).toBe(false);
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
});

test('only county staff of the file\'s county import: another county, a street, a committee and a resident are refused, nothing written', async () => {
  // A second county with its own county staff.
  await db.collection('regions').doc('rg-330199000000').set({ name: '云岭县', level: 'county', parentId: null, ancestorIds: [], kind: null, code: '330199000000' });
  const others = await Client.signIn(cloud.url, 'other-county');
  await grantRole(db, 'other-county', 'county', 'rg-330199000000');
  const street = await Client.signIn(cloud.url, 'demo-street');
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const resident = await Client.signIn(cloud.url, 'demo-resident');
  const renamed = SAMPLE_ROWS.map((row) => (row[1] === '南湖社区' ? [row[0]!, '南湖新社区', ...row.slice(2)] : row));
  const fileId = await upload(await xlsxOf(renamed), 'renamed.xlsx');
  const before = snapshotDatabase(cloud.dataDir, IGNORED);
  for (const client of [others, street, committee, resident]) {
    for (const apply of [false, true]) {
      const { status, body } = await client.call('regions', 'regions.import', { source: { fileName: 'renamed.xlsx', fileId }, apply });
      expect({ status, code: body.ok ? null : body.error.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
  }
  // Nor may county staff create a county that is not there yet (that is the CLI's first import).
  const newCounty = await xlsxOf([['330188000000', '新县', '', '', '']]);
  const { status } = await (await Client.signIn(cloud.url, 'demo-county')).call('regions', 'regions.import', { source: { fileName: 'new.xlsx', fileId: await upload(newCounty, 'new.xlsx') }, apply: true });
  expect(status).toBe(403);
  // A file id that the import page did not upload is refused before it is read.
  const stray = (await app.uploadFile({ cloudPath: 'posts/someone/a.xlsx', fileContent: await xlsxOf(renamed) })).fileID!;
  expect((await (await Client.signIn(cloud.url, 'demo-county')).call('regions', 'regions.import', { source: { fileName: 'a.xlsx', fileId: stray }, apply: true })).status).toBe(400);
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
});

test('the template downloads as an xlsx with the columns and examples', async () => {
  const county = await Client.signIn(cloud.url, 'demo-county');
  const link = await dataOf<{ fileId: string; url: string; fileName: string }>(county.call('regions', 'regions.importTemplate', {}, null));
  expect(link.fileName).toBe('regions-template.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await (await fetch(link.url)).arrayBuffer()) as ArrayBuffer);
  expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, '区划代码', '名称', '上级区划代码', '城乡分类代码', '网格']);
});

const idFor = (seq: string) => `11010519700101${seq}${mainlandCheckChar(`11010519700101${seq}`)}`;

test('grid areas: volunteers and roll-calls choose from the imported list; an old free-text value keeps working', async () => {
  // 桃源村 has its list (东片网格、西片网格) from the first test; 南湖社区 has none yet.
  const taoyuan = await Client.signIn(cloud.url, 'grid-taoyuan', '桃源人');
  await dataOf(taoyuan.call('account', 'account.updateProfile', { homeCommunityId: 'cm-taoyuan', nickname: '桃源人' }));
  const nanhu = await Client.signIn(cloud.url, 'grid-nanhu', '南湖人');
  await dataOf(nanhu.call('account', 'account.updateProfile', { homeCommunityId: 'cm-nanhu', nickname: '南湖人' }));
  const register = (client: Client, seq: string, gridArea: string) =>
    client.call('volunteers', 'volunteers.register', { realName: '王秀英', idType: 'mainland_id', idNumber: idFor(seq), phone: '13812345678', skills: ['急救'], gridArea, sensitiveConsent: true });
  // No list in 南湖社区: free text as before.
  await dataOf(register(nanhu, '201', '湖边3号网格'));
  // 桃源村 has a list: free text is refused, a listed one accepted.
  const before = snapshotDatabase(cloud.dataDir, IGNORED);
  const refused = await register(taoyuan, '202', '随便写的网格');
  expect(refused.status).toBe(400);
  expect(refused.body.ok ? null : refused.body.error.issues).toEqual([{ path: 'gridArea', message: '请从本社区的网格中选择' }]);
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
  await dataOf(register(taoyuan, '202', '东片网格'));

  // 南湖社区 gets a list now; her old value stays and she may save it again, but not a new free text.
  const county = await Client.signIn(cloud.url, 'demo-county');
  const withNanhu = SAMPLE_ROWS.map((row) => (row[1] === '南湖社区' ? [...row.slice(0, 4), '南湖一网格、南湖二网格'] : row));
  await dataOf(county.call('regions', 'regions.import', { source: { fileName: 'n.xlsx', fileId: await upload(await xlsxOf(withNanhu), 'n.xlsx') }, apply: true }));
  const profile = await dataOf<{ gridArea: string | null }>(nanhu.call('volunteers', 'volunteers.update', { gridArea: '湖边3号网格' }));
  expect(profile.gridArea).toBe('湖边3号网格');
  expect((await nanhu.call('volunteers', 'volunteers.update', { gridArea: '湖边4号网格' })).status).toBe(400);
  expect((await dataOf<{ gridArea: string | null }>(nanhu.call('volunteers', 'volunteers.update', { gridArea: '南湖二网格' }))).gridArea).toBe('南湖二网格');

  // Roll-calls: a listed grid area, or none; free text is refused once there is a list.
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const call = (gridArea?: string) =>
    committee.call('volunteers', 'rollcalls.create', {
      communityId: 'cm-beiyuan',
      title: '北门防汛装沙袋',
      description: '北门低洼处需要装沙袋',
      skills: [],
      ...(gridArea ? { gridArea } : {}),
      meetingPlace: '北门',
      meetAt: new Date(Date.now() + 3600_000).toISOString(),
      needed: 5,
    });
  const wrong = await call('3号网格');
  expect(wrong.status).toBe(400);
  expect((await call('第二网格')).status).toBe(200);
});

test('npm run admin -- regions import: a dry run writes nothing, the import writes, a bad file exits 1', () => {
  const dataDir = freshDataDir();
  const admin = (...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'cloudfunctions/_local/cli/admin.ts'), 'regions', 'import', ...args], {
      cwd: root,
      env: { ...process.env, LINLI_DATA_DIR: dataDir, LINLI_QUIET: '1' },
      encoding: 'utf8',
      stdio: 'pipe',
    });
  try {
    const sample = join(root, 'docs', 'regions-sample.csv');
    expect(admin(sample, '--dry-run')).toContain('dry run, nothing written — 临溪县 (330122000000): 0 created, 9 updated, 0 unchanged, 0 not in the file (kept)');
    expect(admin(sample)).toContain('imported 临溪县 (330122000000): 0 created, 9 updated');
    expect(admin(sample)).toContain('imported 临溪县 (330122000000): 0 created, 0 updated, 9 unchanged');
    expect(snapshotDatabase(dataDir)).toMatch(/c_regions:[^\n]*/);
    const before = snapshotDatabase(dataDir);
    let failed: { status: number; stdout: string } | null = null;
    try {
      admin(join(root, 'docs', 'deploy.md'));
    } catch (error) {
      failed = error as { status: number; stdout: string };
    }
    expect(failed?.status).toBe(1);
    expect(failed?.stdout).toContain('COLUMN_MISSING');
    expect(snapshotDatabase(dataDir)).toBe(before);
  } finally {
    removeDataDir(dataDir);
  }
});
