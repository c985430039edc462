/**
 * inbox.list: my notices newest first, with the unread count for the badge. Catalogued notices
 * are written in the reader's language (her `locale`, which the app keeps in step with the
 * language she picked); older ones as they were stored.
 */
import type { Actor } from '../../authz/actor';
import { noticeLocaleOf } from '../../ports/noticeTexts';
import { presentNotice } from '../../presenters/inbox';
import { inboxPage, inboxTotal, unreadCountOf } from '../../repositories/inbox';

/** A page of the actor's own notices (no one reads another's inbox: the query is by her id). */
export async function listInbox(actor: Actor, offset: number, limit: number) {
  const [page, total, unread] = await Promise.all([inboxPage(actor.userId, offset, limit), inboxTotal(actor.userId), unreadCountOf(actor.userId)]);
  const locale = noticeLocaleOf(actor.user);
  const items = page.map((n) => presentNotice(n, locale));
  return { items, total, hasMore: offset + items.length < total, unread };
}
