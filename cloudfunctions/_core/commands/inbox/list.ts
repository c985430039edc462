/**
 * inbox.list: my notices newest first, with the unread count for the badge. Catalogued notices
 * are written in the reader's language (her `locale`, which the app keeps in step with the
 * language she picked); older ones as they were stored.
 *
 * Two sources make it: the notices sent to her (the inbox collection) and what her own sign-ups
 * came to, kept on each sign-up by the write that settled it (SignupDoc.told — a sign-up in a
 * crowd then costs no notice write of its own). A page reads the first `offset + limit` of each
 * side by side (one round trip) and merges them.
 */
import type { Actor } from '../../authz/actor';
import { noticeLocaleOf } from '../../ports/noticeTexts';
import { presentNotice, signupNotice, type ListedNotice } from '../../presenters/inbox';
import { inboxTotal, newestNotices, unreadCountOf } from '../../repositories/inbox';
import { newestToldSignups, toldSignupsCount } from '../../repositories/signups';

/** Her unread notices of both kinds (the badge). */
export async function unreadNotices(userId: string): Promise<number> {
  const [sent, told] = await Promise.all([unreadCountOf(userId), toldSignupsCount(userId, true)]);
  return sent + told;
}

/** A page of the actor's own notices (no one reads another's inbox: every query is by her id). */
export async function listInbox(actor: Actor, offset: number, limit: number) {
  const [sent, told, sentTotal, toldTotal, unread] = await Promise.all([
    newestNotices(actor.userId, offset + limit),
    newestToldSignups(actor.userId, offset + limit),
    inboxTotal(actor.userId),
    toldSignupsCount(actor.userId),
    unreadNotices(actor.userId),
  ]);
  const merged: ListedNotice[] = [...sent, ...told.map(signupNotice)].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? -1 : 1));
  const locale = noticeLocaleOf(actor.user);
  const items = merged.slice(offset, offset + limit).map((n) => presentNotice(n, locale));
  const total = sentTotal + toldTotal;
  return { items, total, hasMore: offset + items.length < total, unread };
}
