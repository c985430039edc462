import * as z from '../zod';
import { JobProgress } from './jobs';
import { Id, Page, paged, text } from './common';

export const ReportTargetType = z.enum(['group', 'post', 'activity', 'user']);
export type ReportTargetType = z.infer<typeof ReportTargetType>;
export const ReportReason = z.enum(['spam', 'offensive', 'unsafe', 'off_topic', 'other']);
export type ReportReason = z.infer<typeof ReportReason>;

export const ReportsCreateInput = z
  .object({ targetType: ReportTargetType, targetId: Id, reason: ReportReason, text: text(2, 200).optional() })
  .strict()
  .refine((v) => v.reason !== 'other' || v.text !== undefined, { path: ['text'], message: '选择“其他”时请说明理由' });
export type ReportsCreateInput = z.infer<typeof ReportsCreateInput>;
export const ReportsCreateOutput = z.object({ reported: z.boolean(), hidden: z.boolean() });

/**
 * Staff decisions: hide, restore (only what is hidden), warn, suspend — and dismiss, "report
 * unfounded" (举报不成立): the reports are closed without action and the item stays (or, when
 * auto-hidden, is again) visible; the author has nothing to appeal.
 */
export const ModerationAction = z.enum(['hide', 'restore', 'warn', 'suspend', 'dismiss']);
export type ModerationAction = z.infer<typeof ModerationAction>;

/** One report as staff read it: the reporter's own words, when, and who — masked (王＊). */
export const CaseReportView = z.object({
  reason: ReportReason,
  text: z.string().nullable(),
  at: z.string(),
  reporter: z.string(),
});
export type CaseReportView = z.infer<typeof CaseReportView>;

export const CaseView = z.object({
  id: Id,
  targetType: ReportTargetType,
  targetId: Id,
  title: z.string(),
  excerpt: z.string(),
  regionName: z.string(),
  state: z.enum(['open', 'hidden', 'restored', 'warned', 'suspended', 'dismissed']),
  reportCount: z.number().int(),
  reasons: z.record(z.string(), z.number().int()),
  /** The newest reports (at most 20), for staff only; the author's view has none. */
  reports: z.array(CaseReportView),
  /** Whether the item is out of sight now (auto-hidden, hidden or suspended): only then can it be restored. */
  itemHidden: z.boolean(),
  autoHidden: z.boolean(),
  lastDecision: z.object({ action: ModerationAction, reason: z.string(), at: z.string(), byMe: z.boolean() }).nullable(),
  appeal: z.object({ text: z.string(), at: z.string(), state: z.enum(['pending', 'upheld', 'overturned']) }).nullable(),
  abilities: z.array(z.string()),
});
export type CaseView = z.infer<typeof CaseView>;

export const ModerationQueueInput = Page.extend({ state: z.enum(['open', 'appealed', 'all']).default('open') }).strict();
export const ModerationQueueOutput = paged(CaseView);
export const ModerationDecideInput = z.object({ caseId: Id, action: ModerationAction, reason: text(2, 200) }).strict();
export type ModerationDecideInput = z.infer<typeof ModerationDecideInput>;
export const ModerationAppealInput = z.object({ caseId: Id, text: text(5, 500) }).strict();
export const ModerationDecideAppealInput = z.object({ caseId: Id, uphold: z.boolean(), reason: text(2, 200) }).strict();
export const MyCasesOutput = z.object({ items: z.array(CaseView) });

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
  targets: z.object({
    ruralCommunitiesWithExcellentTeam: z.object({ share: z.number(), count: z.number().int(), of: z.number().int(), goal: z.number() }),
    streetsWithHub: z.object({ share: z.number(), count: z.number().int(), of: z.number().int(), goal: z.number() }),
  }),
  byChild: z.array(z.object({ id: Id, name: z.string(), groups: z.number().int(), members: z.number().int(), activities: z.number().int() })),
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
