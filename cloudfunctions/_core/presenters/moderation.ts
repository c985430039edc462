/** What the moderation function shows: cases with their reports (reporters masked) and the viewer's abilities. */
import { casePolicies } from '../../../src/shared/policies/moderation';
import type { CaseReportView, CaseView } from '../../../src/shared/schemas/moderation';
import type { Actor } from '../authz/actor';
import { abilities } from '../authz/authorize';
import { caseResource, isItemHidden } from '../authz/moderation';
import { maskNickname } from '../privacy/personalData';
import type { CaseDoc } from '../repositories/moderationCases';
import type { RegionDoc } from '../repositories/regions';
import type { ReportDoc } from '../repositories/reports';

/** A report beside its case: what was written, the reporter masked (王＊), never who they are. */
export function presentCaseReport(report: ReportDoc, nickname: string): CaseReportView {
  return { reason: report.reason, text: report.text, at: report.createdAt.toISOString(), reporter: maskNickname(nickname) };
}

/** A case as staff (or its author) see it. */
export function presentCase(actor: Actor, c: CaseDoc, regions: Map<string, RegionDoc>, caseReports: CaseReportView[] = []): CaseView {
  const last = c.decisions.at(-1);
  return {
    id: c._id,
    targetType: c.targetType,
    targetId: c.targetId,
    title: c.title,
    excerpt: c.excerpt,
    regionName: regions.get(c.communityId ?? c.streetId ?? '')?.name ?? '',
    state: c.state,
    reportCount: c.reportCount,
    reasons: c.reasons as Record<string, number>,
    // Never to the author, even one who is staff too: who reported them stays with the others.
    reports: c.authorId === actor.userId ? [] : caseReports,
    itemHidden: isItemHidden(c),
    autoHidden: c.autoHidden,
    lastDecision: last ? { action: last.action, reason: last.reason, at: last.at.toISOString(), byMe: last.by === actor.userId } : null,
    appeal: c.appeal ? { text: c.appeal.text, at: c.appeal.at.toISOString(), state: c.appeal.state } : null,
    abilities: abilities(casePolicies, actor, caseResource(c)),
  };
}
