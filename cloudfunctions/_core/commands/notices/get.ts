/**
 * notices.get — one notice: residents of its community see it while published (withdrawn or
 * another community's: NOT_FOUND), staff over it in every status. Reading it does not mark it
 * read: the detail page marks it through inbox.markRead (`notice:<id>`), like any notice.
 */
import type { NoticeView } from '../../../../src/shared/schemas/notices';
import type { Actor } from '../../authz/actor';
import { loadNotice } from '../../authz/notices';
import { noticeView } from './noticeViews';

/** The notice of an id as the actor may see it. */
export async function getNotice(actor: Actor, noticeId: string, now: Date): Promise<NoticeView> {
  const { notice, region } = await loadNotice(actor, noticeId);
  return noticeView(actor, notice, region, now);
}
