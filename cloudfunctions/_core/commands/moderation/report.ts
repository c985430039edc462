/**
 * reports.create: a resident reports an item — one report per person per item; an item reported
 * by N different people (LINLI_AUTO_HIDE_REPORTS, default 3) is hidden pending review.
 */
import type { ReportsCreateInput } from '../../../../src/shared/schemas/moderation';
import type { Actor } from '../../authz/actor';
import { assertContentAllowed } from '../../ports/contentCheck';
import { caseIdOf, countReport, markAutoHiddenOnce, openCaseOnce, type CaseDoc } from '../../repositories/moderationCases';
import { addReportOnce, reportIdOf } from '../../repositories/reports';
import { loadTarget, setHidden } from './items';
import { moderationErrors } from '../../../../src/shared/domainErrors';

/** How many different people's reports hide an item until staff look at it. */
export function autoHideThreshold(): number {
  const configured = Number(process.env.LINLI_AUTO_HIDE_REPORTS);
  return Number.isInteger(configured) && configured > 0 ? configured : 3;
}

/** A resident reports an item; the Nth different reporter hides it pending review. */
export async function reportItem(actor: Actor, input: ReportsCreateInput, now: Date): Promise<{ reported: boolean; hidden: boolean }> {
  const target = await loadTarget(input.targetType, input.targetId);
  if (input.text) await assertContentAllowed({ text: input.text }, 2, actor.openid);
  if (target.authorId === actor.userId) throw moderationErrors.cannotReportOwn();
  const caseId = caseIdOf(input.targetType, input.targetId);
  const added = await addReportOnce({
    _id: reportIdOf(actor.userId, input.targetType, input.targetId),
    caseId,
    reporterId: actor.userId,
    targetType: input.targetType,
    targetId: input.targetId,
    reason: input.reason,
    text: input.text ?? null,
    createdAt: now,
  });
  if (!added) throw moderationErrors.alreadyReported();
  const fresh: CaseDoc = {
    _id: caseId,
    targetType: input.targetType,
    targetId: input.targetId,
    authorId: target.authorId,
    title: target.title,
    excerpt: target.excerpt,
    communityId: target.communityId,
    streetId: target.streetId,
    countyId: target.countyId,
    state: 'open',
    reportCount: 0,
    reasons: {},
    autoHidden: false,
    itemHidden: false,
    lastReportAt: now,
    decisions: [],
    appeal: null,
    createdAt: now,
    updatedAt: now,
  };
  await openCaseOnce(fresh);
  const bumped = await countReport(caseId, input.reason, now);
  const count = bumped.reportCount;
  let hidden = false;
  // Only a case nobody has decided on is hidden automatically; staff decisions stand.
  if (count >= autoHideThreshold() && bumped.decisions.length === 0 && !bumped.autoHidden) {
    if (await markAutoHiddenOnce(caseId)) {
      await setHidden(target, input.targetId, true);
      hidden = true;
    }
  }
  return { reported: true, hidden: hidden || bumped.autoHidden };
}
