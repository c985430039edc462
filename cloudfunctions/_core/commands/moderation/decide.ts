/** moderation.decide: staff over the item's community (or street) act on a case, always with a reason. */
import type { ModerationAction } from '../../../../src/shared/schemas/moderation';
import type { Actor } from '../../authz/actor';
import { isItemHidden, loadCase, reportsOpen } from '../../authz/moderation';
import { notifier } from '../../ports/notify';
import { setUserSuspendedUntil, suspendGroup } from '../../repositories/moderatedItems';
import { updateCase, type Decision } from '../../repositories/moderationCases';
import { digest } from '../../runtime/hash';
import { auditCase, bringBack, noticesLink, openReporters } from './decisions';
import { loadTarget, setHidden } from './items';
import { moderationErrors } from '../../../../src/shared/domainErrors';

/**
 * Staff act on a case: hide, restore (only what is hidden), warn, suspend, or dismiss the
 * reports as unfounded — always with a reason. The author is told why (a dismissal took nothing
 * from them); on a dismissal the reporters are told the outcome, never who decided it.
 */
export async function decideCase(actor: Actor, caseId: string, action: ModerationAction, reason: string, requestId: string, now: Date): Promise<void> {
  const c = await loadCase(actor, caseId, 'moderation.decide');
  const hiddenNow = isItemHidden(c);
  if (action === 'restore' && !hiddenNow) throw moderationErrors.nothingToRestore();
  if (action === 'dismiss' && !reportsOpen(c)) throw moderationErrors.noPendingReports();
  // Read before the decision is written: the reports it closes are those since the previous one.
  const reporters = action === 'dismiss' ? await openReporters(c) : [];
  if (action === 'restore' || (action === 'dismiss' && hiddenNow)) {
    await bringBack(c, now);
  } else if (action === 'hide') {
    const target = await loadTarget(c.targetType, c.targetId).catch(() => null);
    if (target) await setHidden(target, c.targetId, true);
  } else if (action === 'suspend') {
    const target = await loadTarget(c.targetType, c.targetId).catch(() => null);
    if (c.targetType === 'group') await suspendGroup(c.targetId, now);
    else if (c.targetType === 'user') await setUserSuspendedUntil(c.targetId, new Date(now.getTime() + 30 * 24 * 3600_000));
    else if (target) await setHidden(target, c.targetId, true);
  }
  const state = ({ hide: 'hidden', restore: 'restored', warn: 'warned', suspend: 'suspended', dismiss: 'dismissed' } as const)[action];
  const itemHidden = action === 'hide' || action === 'suspend' ? true : action === 'warn' ? hiddenNow : false;
  const decision: Decision = { action, reason, by: actor.userId, at: now };
  await updateCase(caseId, { state, itemHidden, decisions: [...c.decisions, decision], updatedAt: now });
  await auditCase(actor, `moderation.${action}`, c, reason, requestId, now);
  if (action === 'dismiss') {
    for (const reporterId of reporters) {
      await notifier().notify({
        userId: reporterId,
        kind: 'report',
        params: { subject: c.title },
        link: null,
        dedupeKey: `report-${digest(caseId, requestId, reporterId).slice(0, 24)}`,
      });
    }
    return;
  }
  if (c.authorId) {
    await notifier().notify({
      userId: c.authorId,
      kind: 'moderation',
      params: { action, subject: c.title, reason },
      link: noticesLink(caseId),
      dedupeKey: `moderation-${digest(caseId, requestId).slice(0, 24)}`,
    });
  }
}
