/** moderation.decideAppeal: another staff member (or the street) decides the appeal — uphold, or overturn and restore. */
import type { Actor } from '../../authz/actor';
import { isItemHidden, loadCase } from '../../authz/moderation';
import { notifier } from '../../ports/notify';
import { updateCase } from '../../repositories/moderationCases';
import { digest } from '../../runtime/hash';
import { auditCase, bringBack, noticesLink } from './decisions';

/** Another staff member (or the street) decides the appeal: uphold, or overturn and restore. */
export async function decideAppeal(actor: Actor, caseId: string, uphold: boolean, reason: string, requestId: string, now: Date): Promise<void> {
  const c = await loadCase(actor, caseId, 'moderation.decideAppeal');
  const last = c.decisions.at(-1);
  const overturnsHiding = !uphold && last !== undefined && (last.action === 'hide' || last.action === 'suspend');
  if (overturnsHiding) await bringBack(c, now);
  await updateCase(caseId, {
    appeal: { ...c.appeal!, state: uphold ? 'upheld' : 'overturned', decidedBy: actor.userId, reason },
    state: uphold ? c.state : 'restored',
    itemHidden: overturnsHiding ? false : isItemHidden(c),
    updatedAt: now,
  });
  await auditCase(actor, uphold ? 'moderation.appeal.uphold' : 'moderation.appeal.overturn', c, reason, requestId, now);
  if (c.authorId) {
    await notifier().notify({
      userId: c.authorId,
      kind: 'appeal',
      params: { subject: c.title, reason, ...(uphold ? { upheld: 1 } : {}) },
      link: noticesLink(caseId),
      dedupeKey: `appeal-${digest(caseId, requestId).slice(0, 24)}`,
    });
  }
}
