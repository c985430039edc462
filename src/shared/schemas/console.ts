/**
 * The staff console (served by the cloud function `console`): the audit log, dashboards, Excel
 * exports run as background jobs, and the notices that did not reach the phone.
 */
import * as z from '../zod';
import { CareFigures } from './care';
import { Id, JobProgress, Page, paged } from './common';

export const AuditSearchInput = Page.extend({
  regionId: Id,
  staffId: Id.optional(),
  targetId: Id.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
}).strict();
export const AuditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  staff: z.object({ id: z.string(), nickname: z.string() }),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  regionName: z.string(),
  reason: z.string().nullable(),
});
export const AuditSearchOutput = paged(AuditEntryView);

const NeedCounts = { posted: z.number().int(), claimed: z.number().int(), fulfilled: z.number().int() };
/** Needs posted, claimed, fulfilled and overdue (expired, or on their last day and not done). */
export const NeedFigures = z.object({
  ...NeedCounts,
  overdue: z.number().int(),
  byCommunity: z.array(z.object({ id: Id, name: z.string(), ...NeedCounts, overdue: z.number().int() })),
  /** The last six China calendar months, oldest first (YYYY-MM). */
  byMonth: z.array(z.object({ month: z.string(), ...NeedCounts })),
});

export const DashboardInput = z.object({ regionId: Id, year: z.number().int().min(2000).max(2100).optional() }).strict();
export const DashboardOutput = z.object({
  region: z.object({ id: Id, name: z.string(), level: z.enum(['county', 'street', 'community']) }),
  groups: z.object({
    total: z.number().int(),
    byType: z.record(z.string(), z.number().int()),
    byLevel: z.record(z.string(), z.number().int()),
    newLast30Days: z.number().int(),
    pendingReview: z.number().int(),
  }),
  members: z.number().int(),
  activities: z.object({ upcoming: z.number().int(), last30Days: z.number().int(), signups: z.number().int() }),
  volunteerHours: z.number(),
  /** Self-reports and corrections waiting for review, and how many are past the 3-day deadline. */
  hourReviews: z.object({ pending: z.number().int(), overdue: z.number().int() }),
  credits: z.object({ issued: z.number(), redeemed: z.number() }),
  /** People in care, visited on time or overdue, by community and month (issue 18 item 6). */
  care: CareFigures,
  targets: z.object({
    ruralCommunitiesWithExcellentTeam: z.object({ share: z.number(), count: z.number().int(), of: z.number().int(), goal: z.number() }),
    streetsWithHub: z.object({ share: z.number(), count: z.number().int(), of: z.number().int(), goal: z.number() }),
  }),
  byChild: z.array(z.object({ id: Id, name: z.string(), groups: z.number().int(), members: z.number().int(), activities: z.number().int() })),
  /** The needs board (issue 18): totals, each community's, and month by month. Optional for older clients' fixtures. */
  needs: NeedFigures.optional(),
});
export type DashboardOutput = z.infer<typeof DashboardOutput>;

export const ExportInput = z
  .object({
    regionId: Id,
    kind: z.enum(['groups', 'activities', 'hours', 'audit']),
    /** The audit export follows the search: by staff, target and time (other kinds ignore them). */
    staffId: Id.optional(),
    targetId: Id.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ExportInput = z.infer<typeof ExportInput>;
export const ExportFile = z.object({ fileId: z.string(), url: z.string(), rows: z.number().int() });
export type ExportFile = z.infer<typeof ExportFile>;
/** An export runs as a job: its progress (rows written of rows to write), then the file. */
export const ExportOutput = JobProgress.extend({ kind: ExportInput.shape.kind, file: ExportFile.nullable() });
export type ExportOutput = z.infer<typeof ExportOutput>;

/** An export's progress (`exports.get`): the job started by `dashboard.export`. */
export const JobsGetInput = z.object({ jobId: Id }).strict();

// ---- notices that did not reach the phone (notifyFailures.summary) ----

/**
 * Staff view of notices that did not reach the phone (subscribe messages WeChat refused or never
 * answered; the inbox still holds each one): counts by kind and error code over the last days,
 * and the latest failures with the recipient masked.
 */
export const NotifyFailuresSummaryInput = z.object({ regionId: Id }).strict();
export type NotifyFailuresSummaryInput = z.infer<typeof NotifyFailuresSummaryInput>;

export const NotifyFailureView = z.object({
  id: z.string(),
  kind: z.string(),
  errcode: z.number().int(),
  message: z.string(),
  /** The recipient's nickname masked (王＊): enough to tell failures apart, never who. */
  recipient: z.string(),
  createdAt: z.string(),
});
export type NotifyFailureView = z.infer<typeof NotifyFailureView>;

export const NotifyFailuresSummaryOutput = z.object({
  regionId: Id,
  /** Start of the window counted (the last 7 days). */
  since: z.string(),
  /** Failures in the window. */
  total: z.number().int(),
  /** Counts below are of the newest `counted` failures when the window holds more. */
  counted: z.number().int(),
  byKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  byError: z.array(z.object({ errcode: z.number().int(), count: z.number().int() })),
  latest: z.array(NotifyFailureView),
});
export type NotifyFailuresSummaryOutput = z.infer<typeof NotifyFailuresSummaryOutput>;
