/**
 * The committee and street console: the audit log (search and export), dashboards per
 * community, street and county with the policy targets (counted by the database), and Excel
 * exports (background jobs in slices: a county's rows do not fit one function call).
 */
import ExcelJS from 'exceljs';
import { ExportInput, type DashboardOutput, type ExportOutput } from '../../../src/shared/schemas/console';
import type * as z from '../../../src/shared/zod';
import { fileStore } from '../ports/storage';
import { accountId, type AccountDoc } from '../ledger/accounts';
import { activityRow, auditRow, groupRow, hourRow, SHEET_COLUMNS, SHEET_TITLES, type AuditEntryDoc, type ExportRow, type PlaceName } from '../presenters/exports';
import type { ActivityDoc } from '../repositories/activities';
import { Collections } from '../repositories/collections';
import { countAll, countOf, countsByKey, countWhen, figuresBy, figuresOf, sumOf, sumWhen, tallyBy, when } from '../repositories/figures';
import type { GroupDoc } from '../repositories/groups';
import type { HourRecordDoc } from '../repositories/hourRecords';
import { pageAfter } from '../repositories/idPages';
import { createJob, findJob, partsOf, progressOf, removeParts, writePart, type JobDoc } from '../repositories/jobs';
import { regionDirectory, type RegionDoc } from '../repositories/regions';
import { findUser } from '../repositories/users';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { advanceJob, type JobHandlers, type SliceStep } from '../runtime/jobRunner';
import { consoleErrors } from '../../../src/shared/domainErrors';

const DAY = 24 * 3600_000;
/** Policy targets from the documents: every rural community has an excellent team; ≥ 70 % of streets a hub. */
const TARGETS = { ruralExcellent: 1, streetsWithHub: 0.7 };

/** The region if the actor is staff on it or above it; otherwise as if it did not exist. */
async function staffRegion(actor: Actor, regionId: string): Promise<{ region: RegionDoc; regions: Map<string, RegionDoc> }> {
  const regions = await regionDirectory();
  const region = regions.get(regionId);
  if (!region || !actor.grants.some((g) => g.regionId === region._id || region.ancestorIds.includes(g.regionId))) {
    throw consoleErrors.regionOutOfScope();
  }
  return { region, regions };
}

function fieldOf(region: RegionDoc): 'communityId' | 'streetId' | 'countyId' {
  return region.level === 'community' ? 'communityId' : region.level === 'street' ? 'streetId' : 'countyId';
}

/** The audit log's filter: entries of a region and below, by staff, target and time. */
function auditWhere(region: RegionDoc, regions: Map<string, RegionDoc>, filters: AuditFilters): Record<string, unknown> {
  const below = [...regions.values()].filter((r) => r._id === region._id || r.ancestorIds.includes(region._id)).map((r) => r._id);
  const _ = database().command;
  const where: Record<string, unknown> = { regionId: _.in(below) };
  if (filters.staffId) where.actorId = filters.staffId;
  if (filters.targetId) where.targetId = filters.targetId;
  if (filters.from || filters.to) {
    where.createdAt = filters.from && filters.to ? _.gte(new Date(filters.from)).and(_.lte(new Date(filters.to))) : filters.from ? _.gte(new Date(filters.from)) : _.lte(new Date(filters.to!));
  }
  return where;
}

/** A page of the audit log, newest first, and the staff members' nicknames. */
async function auditPage(where: Record<string, unknown>, offset: number, limit: number): Promise<{ entries: AuditEntryDoc[]; staff: Map<string, string> }> {
  const { data } = await database().collection(Collections.auditLog).where(where).orderBy('createdAt', 'desc').skip(offset).limit(limit).get();
  const entries = data as AuditEntryDoc[];
  const users = await Promise.all([...new Set(entries.map((e) => e.actorId))].map((id) => findUser(id)));
  return { entries, staff: new Map(users.flatMap((u) => (u ? [[u._id, u.nickname] as const] : []))) };
}

/** The audit log of a region and below, newest first, filtered by staff, target and time. */
export async function searchAudit(actor: Actor, input: { regionId: string; staffId?: string; targetId?: string; from?: string; to?: string; offset: number; limit: number }) {
  const { region, regions } = await staffRegion(actor, input.regionId);
  const where = auditWhere(region, regions, input);
  const [{ entries, staff }, total] = await Promise.all([auditPage(where, input.offset, input.limit), countOf(Collections.auditLog, where)]);
  return {
    items: entries.map((e) => ({
      id: e._id,
      at: e.createdAt.toISOString(),
      staff: { id: e.actorId, nickname: staff.get(e.actorId) ?? e.actorId },
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      regionName: (e.regionId && regions.get(e.regionId)?.name) || '',
      reason: e.reason,
    })),
    total,
    hasMore: input.offset + entries.length < total,
  };
}

/**
 * Credits issued by the communities (and hub streets) of a region — minus the balance of their
 * issuance accounts — and credits spent in their points stores (the stores' balances): summed by
 * the database, one round trip per 500 regions (an `in` of at most 1,000 account ids).
 */
async function creditsOf(regions: RegionDoc[]): Promise<{ issued: number; redeemed: number }> {
  const ids = regions.filter((r) => r.level !== 'county').flatMap((r) => [accountId('issuance', r._id), accountId('store', r._id)]);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 1000) chunks.push(ids.slice(i, i + 1000));
  const byKind = await Promise.all(chunks.map((chunk) => tallyBy(Collections.ledgerAccounts, { _id: database().command.in(chunk) }, 'kind', 'balance')));
  const sumOf = (kind: AccountDoc['kind']) => byKind.reduce((sum, tallies) => sum + (tallies.get(kind)?.sum ?? 0), 0);
  // `|| 0`: nothing issued is 0, not -0.
  return { issued: -sumOf('issuance') || 0, redeemed: sumOf('store') };
}

/**
 * Numbers and policy targets of a region (and of each region directly below it), counted and
 * summed by the database: ten queries side by side, each one pass over the region's documents of
 * one collection, whatever the region holds. Each figure means what it meant when it was
 * computed from every document (test/functions/console.dashboards.http.test.ts checks them against that).
 */
export async function dashboard(actor: Actor, regionId: string, year: number | undefined, now: Date): Promise<DashboardOutput> {
  const { region, regions } = await staffRegion(actor, regionId);
  const _ = database().command;
  const inRegion = { [fieldOf(region)]: region._id };
  const live = { ...inRegion, status: 'active' };
  const ratingYear = year ?? now.getUTCFullYear();
  const childField = region.level === 'county' ? 'streetId' : 'communityId';
  const below = [...regions.values()].filter((r) => r.ancestorIds.includes(region._id) || r._id === region._id);
  const since30Days = new Date(now.getTime() - 30 * DAY);
  // Waiting reviews past the deadline: more than 3 days.
  const overdueBefore = new Date(now.getTime() - 3 * DAY);
  const published = when.eq('status', 'published');
  const [groupsByChild, groupsByType, groupsByLevel, pendingGroups, excellentByCommunity, hubsByStreet, activitiesByChild, hours, corrections, credits] = await Promise.all([
    figuresBy(Collections.groups, live, childField, { count: countAll(), members: sumOf('memberCount'), recent: countWhen(when.gte('createdAt', since30Days)) }),
    tallyBy(Collections.groups, live, 'type'),
    tallyBy(Collections.groups, live, 'managementLevel'),
    countOf(Collections.groups, { ...inRegion, status: 'pending' }),
    tallyBy(Collections.groups, { ...live, ratings: _.elemMatch({ year: ratingYear, excellent: true }) }, 'communityId'),
    tallyBy(Collections.groups, { ...live, type: 'hub' }, 'streetId'),
    figuresBy(Collections.activities, inRegion, childField, {
      published: countWhen(published),
      upcoming: countWhen(when.all(published, when.gte('startAt', now))),
      recent: countWhen(when.all(published, when.lt('startAt', now), when.gte('startAt', since30Days))),
      signups: sumOf('confirmedCount'),
    }),
    // Confirmed records only; reversals are negative, so corrected hours count once.
    figuresOf(Collections.hourRecords, inRegion, {
      confirmedMinutes: sumWhen(when.eq('state', 'confirmed'), 'minutes'),
      pending: countWhen(when.eq('state', 'pending')),
      overdue: countWhen(when.all(when.eq('state', 'pending'), when.lt('recordedAt', overdueBefore))),
    }),
    figuresOf(Collections.hourCorrections, { ...inRegion, state: 'pending' }, { pending: countAll(), overdue: countWhen(when.lt('createdAt', overdueBefore)) }),
    creditsOf(below),
  ]);
  const sum = <K extends string>(rows: Map<string | null, Record<K, number>>, name: K) => [...rows.values()].reduce((total, row) => total + row[name], 0);
  const rural = below.filter((r) => r.level === 'community' && r.kind === 'rural');
  const ruralWithExcellent = rural.filter((c) => excellentByCommunity.has(c._id));
  const streets = below.filter((r) => r.level === 'street');
  const streetsWithHub = streets.filter((s) => hubsByStreet.has(s._id));
  const children = [...regions.values()].filter((r) => r.parentId === region._id);
  return {
    region: { id: region._id, name: region.name, level: region.level },
    groups: {
      total: sum(groupsByChild, 'count'),
      byType: countsByKey(groupsByType),
      byLevel: countsByKey(groupsByLevel),
      newLast30Days: sum(groupsByChild, 'recent'),
      pendingReview: pendingGroups,
    },
    members: sum(groupsByChild, 'members'),
    activities: { upcoming: sum(activitiesByChild, 'upcoming'), last30Days: sum(activitiesByChild, 'recent'), signups: sum(activitiesByChild, 'signups') },
    volunteerHours: Math.round((hours.confirmedMinutes / 60) * 10) / 10,
    hourReviews: { pending: hours.pending + corrections.pending, overdue: hours.overdue + corrections.overdue },
    credits,
    targets: {
      ruralCommunitiesWithExcellentTeam: {
        share: rural.length ? ruralWithExcellent.length / rural.length : 0,
        count: ruralWithExcellent.length,
        of: rural.length,
        goal: TARGETS.ruralExcellent,
      },
      streetsWithHub: { share: streets.length ? streetsWithHub.length / streets.length : 0, count: streetsWithHub.length, of: streets.length, goal: TARGETS.streetsWithHub },
    },
    byChild: children.map((child) => ({
      id: child._id,
      name: child.name,
      groups: groupsByChild.get(child._id)?.count ?? 0,
      members: groupsByChild.get(child._id)?.members ?? 0,
      activities: activitiesByChild.get(child._id)?.published ?? 0,
    })),
  };
}

/** The audit export follows the search on screen: by staff, target and time. */
export interface AuditFilters {
  staffId?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/** The job kind of exports (the console function's jobs). */
export const EXPORT_JOB = 'export';
/** Rows one slice reads and writes: one query page (CloudBase answers at most 1,000 documents). */
const EXPORT_SLICE = 1000;
/** The audit export holds at most this many entries, newest first (as it always has). */
const AUDIT_EXPORT_CAP = 10_000;
/** Parts the finishing step reads a round trip (20,000 rows). */
const PARTS_PER_READ = 20;

const EXPORT_COLLECTIONS = { groups: Collections.groups, activities: Collections.activities, hours: Collections.hourRecords } as const;
/** What an export job keeps of its request: the kind and, for the audit log, the search. */
const ExportParams = ExportInput.omit({ regionId: true });
type ExportParams = z.infer<typeof ExportParams>;

async function jobRegion(job: JobDoc): Promise<{ region: RegionDoc; regions: Map<string, RegionDoc> }> {
  const regions = await regionDirectory();
  const region = regions.get(job.regionId);
  if (!region) throw new Error(`export ${job._id}: region ${job.regionId} is gone`);
  return { region, regions };
}

/** How many rows the export will have (the progress bar's whole). */
async function exportTotal(params: ExportParams, region: RegionDoc, regions: Map<string, RegionDoc>): Promise<number> {
  if (params.kind === 'audit') return Math.min(AUDIT_EXPORT_CAP, await countOf(Collections.auditLog, auditWhere(region, regions, params)));
  return countOf(EXPORT_COLLECTIONS[params.kind], { [fieldOf(region)]: region._id });
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
    const { entries, staff } = limit > 0 ? await auditPage(auditWhere(region, regions, params), offset, limit) : { entries: [], staff: new Map<string, string>() };
    await writePart(job._id, job.slice, entries.map((e) => auditRow(e, staff.get(e.actorId) ?? e.actorId)));
    return { cursor: String(offset + entries.length), processed: entries.length, sliced: entries.length < limit || offset + entries.length >= AUDIT_EXPORT_CAP };
  }
  const where = { [fieldOf(region)]: region._id };
  let rows: ExportRow[];
  let last: string | null;
  if (params.kind === 'groups') {
    const docs = await pageAfter<GroupDoc>(Collections.groups, where, job.cursor, EXPORT_SLICE);
    [rows, last] = [docs.map((g) => groupRow(g, place)), docs.at(-1)?._id ?? null];
  } else if (params.kind === 'activities') {
    const docs = await pageAfter<ActivityDoc>(Collections.activities, where, job.cursor, EXPORT_SLICE);
    [rows, last] = [docs.map((a) => activityRow(a, place)), docs.at(-1)?._id ?? null];
  } else {
    const docs = await pageAfter<HourRecordDoc>(Collections.hourRecords, where, job.cursor, EXPORT_SLICE);
    [rows, last] = [docs.map(hourRow), docs.at(-1)?._id ?? null];
  }
  await writePart(job._id, job.slice, rows);
  return { cursor: last ?? job.cursor, processed: rows.length, sliced: rows.length < EXPORT_SLICE };
}

/** The finishing step: every part's rows, in slice order, into one workbook (exceljs), stored for download. */
async function exportFinish(job: JobDoc): Promise<Record<string, unknown>> {
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
async function presentExport(job: JobDoc): Promise<ExportOutput> {
  const params = ExportParams.parse(job.params);
  const result = job.state === 'done' ? (job.result as { fileId: string; rows: number }) : null;
  const url = result ? ((await fileStore().temporaryUrls([result.fileId])).get(result.fileId) ?? '') : '';
  return { ...progressOf(job), kind: params.kind, file: result ? { fileId: result.fileId, url, rows: result.rows } : null };
}

/**
 * Starts an Excel export of the region's groups, activities, volunteer hours or audit log as a
 * job, and works on it for up to `budgetMs` at once: a community's export is usually done when
 * this answers; a county's goes on in the progress polls and the function's timer.
 */
export async function startExport(actor: Actor, input: ExportInput, requestId: string, now: Date, budgetMs: number): Promise<ExportOutput> {
  const { region, regions } = await staffRegion(actor, input.regionId);
  const params: ExportParams = input.kind === 'audit' ? { kind: 'audit', staffId: input.staffId, targetId: input.targetId, from: input.from, to: input.to } : { kind: input.kind };
  // The id comes from the request: a retry finds the job its first try started.
  const id = `jx${digest('export', actor.userId, requestId).slice(0, 30)}`;
  const total = await exportTotal(params, region, regions);
  await createJob({ _id: id, fn: 'console', kind: EXPORT_JOB, params: JSON.parse(JSON.stringify(params)) as Record<string, unknown>, total, createdBy: actor.userId, regionId: region._id }, now);
  return exportProgress(actor, id, now, budgetMs);
}

/** The starter's export: advanced for up to `budgetMs` unless someone else is on it, then its progress. */
export async function exportProgress(actor: Actor, jobId: string, now: Date, budgetMs: number): Promise<ExportOutput> {
  const job = await findJob(jobId);
  // Someone else's export answers like one that does not exist.
  if (!job || job.kind !== EXPORT_JOB || job.createdBy !== actor.userId) throw consoleErrors.exportNotFound();
  return presentExport((await advanceJob(jobId, consoleJobs, { now: () => now, budgetMs })) ?? job);
}
