/** notices.dismiss — she closes a notice's pin on her home page (kept: it stays closed), which also marks it read. */
import type { Actor } from '../../authz/actor';
import { loadNotice } from '../../authz/notices';
import { dismissNotice as storeDismissal } from '../../repositories/noticeReads';

/** Dismisses a published notice of her community for her. */
export async function dismissNotice(actor: Actor, noticeId: string, now: Date): Promise<{ dismissed: boolean }> {
  const { notice } = await loadNotice(actor, noticeId, 'notices.dismiss');
  await storeDismissal(actor.userId, notice, now);
  return { dismissed: true };
}
