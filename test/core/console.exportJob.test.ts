/**
 * A county-wide export as a background job: slices of 1,000 rows, progress that only moves
 * forward and reaches done, a slice whose runner died before its commit run again without a
 * row written twice, the timer finishing an export nobody watches, and the workbook complete.
 */
import ExcelJS from 'exceljs';
import { consoleJobs } from '../../cloudfunctions/_core/commands/console/exportJob';
import { exportProgress } from '../../cloudfunctions/_core/commands/console/exportProgress';
import { startExport } from '../../cloudfunctions/_core/commands/console/startExport';
import { fileStore } from '../../cloudfunctions/_core/ports/storage';
import { Collections } from '../../cloudfunctions/_core/repositories/collections';
import { countOf } from '../../cloudfunctions/_core/repositories/figures';
import { claimJob, findJob, jobParts } from '../../cloudfunctions/_core/repositories/jobs';
import { findUser, userIdOf } from '../../cloudfunctions/_core/repositories/users';
import type { Actor } from '../../cloudfunctions/_core/pipeline/actor';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { LEASE_MS, runDueJobs } from '../../cloudfunctions/_core/jobs/jobRunner';
import type { ExportOutput } from '../../src/shared/schemas/console';
import { startCloudForCore } from '../support/coreAgainstCloud';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
let county: Actor;
const ADDED = 4600;
beforeAll(async () => {
  cloud = await startCloudForCore();
  const user = (await findUser(userIdOf('demo-county')))!;
  county = { userId: user._id, openid: user.openid, user, grants: [{ role: 'county', regionId: 'cty-linxi' }] };
  const recordedAt = new Date('2026-11-01T02:00:00Z');
  const docs = Array.from({ length: ADDED }, (_, i) => ({
    _id: `hx-${String(i).padStart(5, '0')}`,
    userId: `u-${i}`,
    volunteerNo: `V${String(i).padStart(5, '0')}`,
    groupId: 'g-x',
    groupName: '测试服务队',
    activityId: null,
    signupId: null,
    communityId: i % 2 ? 'cm-beiyuan' : 'cm-shiqiao',
    streetId: i % 2 ? 'st-chengguan' : 'st-taoyuan',
    countyId: 'cty-linxi',
    content: '巡逻',
    serviceDate: '2026-11-01',
    startAt: null,
    endAt: null,
    minutes: 60 + (i % 5) * 30,
    source: 'leader_entry',
    state: 'confirmed',
    recordedBy: 'u-leader',
    recordedByName: '李队长',
    recordedAt,
    confirmedBy: null,
    confirmedByName: null,
    confirmedAt: null,
  }));
  for (let i = 0; i < docs.length; i += 500) await database().collection(Collections.hourRecords).add(docs.slice(i, i + 500));
});
afterAll(async () => cloud.close());

async function workbookRows(file: NonNullable<ExportOutput['file']>): Promise<string[]> {
  const url = (await fileStore().temporaryUrls([file.fileId])).get(file.fileId)!;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await (await fetch(url)).arrayBuffer());
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).values).toContain('志愿者编号');
  return sheet.getColumn(1).values.slice(2).map(String);
}

test('a county export runs in slices with progress to done; a slice whose runner died runs again and writes nothing twice', async () => {
  const total = await countOf(Collections.hourRecords, { countyId: 'cty-linxi' });
  expect(total).toBeGreaterThan(ADDED);
  const now = new Date('2026-12-06T08:00:00Z');
  // A budget of 0: each call makes exactly one step, so every step can be watched.
  let view = await startExport(county, { regionId: 'cty-linxi', kind: 'hours' }, 'export-hours-1', now, 0);
  expect(view).toMatchObject({ state: 'running', done: 1000, total, file: null, kind: 'hours' });
  // A retry of the same request finds the same job (and, like every look at it, moves it on).
  expect(await startExport(county, { regionId: 'cty-linxi', kind: 'hours' }, 'export-hours-1', now, 0)).toMatchObject({ id: view.id, done: 2000 });
  view = await exportProgress(county, view.id, now, 0);
  expect(view.done).toBe(3000);

  // A runner takes slice 3, writes its part, and dies before committing: its lease holds the job…
  const job = (await findJob(view.id))!;
  expect(await claimJob(job, now, LEASE_MS)).not.toBeNull();
  await consoleJobs.export!.slice(job, now);
  expect((await exportProgress(county, view.id, now, 0)).done).toBe(3000);
  // …until it runs out; then the slice runs again, over the same part.
  const later = new Date(now.getTime() + LEASE_MS);
  const seen = [3000];
  while (view.state !== 'done') {
    view = await exportProgress(county, view.id, later, 0);
    expect(view.done).toBeGreaterThanOrEqual(seen.at(-1)!);
    expect(view.done).toBeLessThanOrEqual(total);
    seen.push(view.done);
    expect(seen.length).toBeLessThan(20);
  }
  expect(view).toMatchObject({ state: 'done', done: total, total, error: null, file: { rows: total } });
  const rows = await workbookRows(view.file!);
  expect(rows).toHaveLength(total);
  expect(new Set(rows).size).toBe(total);
  expect(rows.filter((no) => /^V\d{5}$/.test(no))).toHaveLength(ADDED);
  // The parts are gone once the file holds their rows.
  expect((await jobParts().where({ jobId: view.id }).count()).total).toBe(0);
});

test('an export nobody watches is finished by the console timer; someone else cannot see it', async () => {
  const now = new Date('2026-12-06T09:00:00Z');
  const started = await startExport(county, { regionId: 'cty-linxi', kind: 'hours' }, 'export-hours-2', now, 0);
  expect(started.state).toBe('running');
  // The timer's work list is every unfinished job of the function: it runs them within its budget.
  const ran = await runDueJobs('console', consoleJobs, { now: () => now, budgetMs: 60_000 });
  expect(ran.finished).toBeGreaterThanOrEqual(1);
  const done = await exportProgress(county, started.id, now, 0);
  expect(done).toMatchObject({ state: 'done', file: { rows: done.total } });
  expect(await workbookRows(done.file!)).toHaveLength(done.total);

  const other = (await findUser(userIdOf('demo-street')))!;
  const street: Actor = { userId: other._id, openid: other.openid, user: other, grants: [{ role: 'street', regionId: 'st-chengguan' }] };
  await expect(exportProgress(street, started.id, now, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
});
