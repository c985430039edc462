/**
 * notices.withdraw — staff take a published notice back (with a reason, kept for staff): it
 * leaves every resident's inbox and the home pin at once (both read live notices only), and its
 * remaining subscribe messages are not sent (the job checks the notice before each slice).
 */
import { noticeErrors } from '../../../../src/shared/domainErrors';
import type { NoticeView } from '../../../../src/shared/schemas/notices';
import type { Actor } from '../../authz/actor';
import { loadNotice } from '../../authz/notices';
import { recordAudit } from '../../repositories/auditLog';
import { findNotice, withdrawPublished } from '../../repositories/notices';
import { noticeView } from './noticeViews';

/** Withdraws a published notice the actor runs. */
export async function withdrawNotice(actor: Actor, noticeId: string, reason: string, requestId: string, now: Date): Promise<NoticeView> {
  const { notice, region } = await loadNotice(actor, noticeId, 'notices.withdraw', noticeErrors.notPublished());
  if (!(await withdrawPublished(notice._id, actor.userId, reason, now))) throw noticeErrors.notPublished();
  await recordAudit(
    { actorId: actor.userId, action: 'notice.withdraw', targetType: 'notice', targetId: notice._id, regionId: notice.communityId, reason, details: { title: notice.title } },
    `notice-withdraw-${actor.userId}-${requestId}`,
    now,
  );
  return noticeView(actor, (await findNotice(notice._id))!, region, now);
}
