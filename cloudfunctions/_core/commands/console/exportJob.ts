/**
 * Shared by dashboard.export and exports.get, and run by the console's timer: Excel exports as
 * background jobs in slices (a county's rows do not fit one function call; jobs/jobRunner.ts).
 */
import ExcelJS from 'exceljs';
import { ExportFile, ExportInput, type ExportOutput } from '../../../../src/shared/schemas/console';
import type * as z from '../../../../src/shared/zod';
import type { JobHandlers, SliceStep } from '../../jobs/jobRunner';
import { fileStore } from '../../ports/storage';
import { activityRow, auditRow, groupRow, hourRow, SHEET_COLUMNS, SHEET_TITLES, type ExportRow, type PlaceName } from '../../presenters/exports';
import { countAuditEntries } from '../../repositories/auditLog';
import { partsOf, progressOf, removeParts, writePart, type JobDoc } from '../../repositories/jobs';
import { countRegionRecords, fieldOf, regionRecordsAfter } from '../../repositories/regionRecords';
import { regionDirectory, type RegionDoc } from '../../repositories/regions';
import { auditPage, auditSearchOf } from './auditPage';

/** The job kind of exports (the console function's jobs). */
export const EXPORT_JOB = 'export';
/** Rows one slice reads and writes: one query page (CloudBase answers at most 1,000 documents). */
const EXPORT_SLICE = 1000;
/** The audit export holds at most this many entries, newest first (as it always has). */
const AUDIT_EXPORT_CAP = 10_000;
/** Parts the finishing step reads a round trip (20,000 rows). */
const PARTS_PER_READ = 20;

/** What an export job keeps of its request: the kind and, for the audit log, the search. */
export const ExportParams = ExportInput.omit({ regionId: true });
export type ExportParams = z.infer<typeof ExportParams>;

/** The params as the job document keeps them: the fields that are set (a document keeps no `undefined`). */
export function jobParamsOf(params: ExportParams): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}

/** What a finished export job keeps as its result (exportFinish): the file and its row count. */
const ExportResult = ExportFile.pick({ fileId: true, rows: true });

async function jobRegion(job: JobDoc): Promise<{ region: RegionDoc; regions: Map<string, RegionDoc> }> {
  const regions = await regionDirectory();
  const region = regions.get(job.regionId);
  if (!region) throw new Error(`export ${job._id}: region ${job.regionId} is gone`);
  return { region, regions };
}

/** How many rows the export will have (the progress bar's whole). */
export async function exportTotal(params: ExportParams, region: RegionDoc, regions: Map<string, RegionDoc>): Promise<number> {
  if (params.kind === 'audit') return Math.min(AUDIT_EXPORT_CAP, await countAuditEntries(auditSearchOf(region, regions, params)));
  return countRegionRecords(params.kind, fieldOf(region), region._id);
}

/**
 * One slice: the next thousand documents (by id, or the next thousand audit entries newest
 * first) as rows, kept in the slice's own part — a slice run twice writes the same part again.
 */
async function exportSlice(job: JobDoc): Promise<SliceStep> {
  const params = ExportParams.parse(job.params);
  const { region, regions } = await jobRegion(job);
  const place: PlaceName = (doc) => regions.get(doc.communityId ?? doc.streetId)?.name ?? '';
  if (params.kind === 'audit') {
    const offset = Number(job.cursor ?? 0);
    const limit = Math.min(EXPORT_SLICE, AUDIT_EXPORT_CAP - offset);
    const { entries, staff } = limit > 0 ? await auditPage(auditSearchOf(region, regions, params), offset, limit) : { entries: [], staff: new Map<string, string>() };
    await writePart(job._id, job.slice, entries.map((e) => auditRow(e, staff.get(e.actorId) ?? e.actorId)));
    return { cursor: String(offset + entries.length), processed: entries.length, sliced: entries.length < limit || offset + entries.length >= AUDIT_EXPORT_CAP };
  }
  const field = fieldOf(region);
  let rows: ExportRow[];
  let last: string | null;
  if (params.kind === 'groups') {
    const docs = await regionRecordsAfter('groups', field, region._id, job.cursor, EXPORT_SLICE);
    [rows, last] = [docs.map((g) => groupRow(g, place)), docs.at(-1)?._id ?? null];
  } else if (params.kind === 'activities') {
    const docs = await regionRecordsAfter('activities', field, region._id, job.cursor, EXPORT_SLICE);
    [rows, last] = [docs.map((a) => activityRow(a, place)), docs.at(-1)?._id ?? null];
  } else {
    const docs = await regionRecordsAfter('hours', field, region._id, job.cursor, EXPORT_SLICE);
    [rows, last] = [docs.map(hourRow), docs.at(-1)?._id ?? null];
  }
  await writePart(job._id, job.slice, rows);
  return { cursor: last ?? job.cursor, processed: rows.length, sliced: rows.length < EXPORT_SLICE };
}

/** The finishing step: every part's rows, in slice order, into one workbook (exceljs), stored for download. */
async function exportFinish(job: JobDoc): Promise<z.infer<typeof ExportResult>> {
  const params = ExportParams.parse(job.params);
  const book = new ExcelJS.Workbook();
  book.creator = 'Linli 邻里';
  book.created = job.createdAt;
  const sheet = book.addWorksheet(SHEET_TITLES[params.kind]);
  sheet.columns = SHEET_COLUMNS[params.kind];
  let rows = 0;
  for (const part of await partsOf(job._id, PARTS_PER_READ)) {
    for (const row of part.rows) sheet.addRow(row);
    rows += part.rows.length;
  }
  sheet.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  // The same path whenever the step runs again: a rerun overwrites the file, never adds one.
  const fileId = await fileStore().upload(`exports/${job.regionId}/${params.kind}-${job._id}.xlsx`, buffer);
  return { fileId, rows };
}

/** The console function's background jobs. */
export const consoleJobs: JobHandlers = {
  [EXPORT_JOB]: { slice: exportSlice, finish: exportFinish, cleanup: (job) => removeParts(job._id) },
};

/** The export as its starter sees it: progress, then the file with a fresh temporary link. */
export async function exportView(job: JobDoc): Promise<ExportOutput> {
  const params = ExportParams.parse(job.params);
  const result = job.state === 'done' ? ExportResult.parse(job.result) : null;
  const url = result ? ((await fileStore().temporaryUrls([result.fileId])).get(result.fileId) ?? '') : '';
  return { ...progressOf(job), kind: params.kind, file: result ? { fileId: result.fileId, url, rows: result.rows } : null };
}
