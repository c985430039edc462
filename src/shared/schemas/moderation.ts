import * as z from '../zod';
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
