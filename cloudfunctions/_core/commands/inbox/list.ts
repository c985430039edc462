/**
 * inbox.list: my notices newest first, with the unread count for the badge. Catalogued notices
 * are written in the reader's language (her `locale`, which the app keeps in step with the
 * language she picked); older ones as they were stored.
 *
 * Three sources make it: the notices sent to her (the inbox collection), what her own sign-ups
 * came to, kept on each sign-up by the write that settled it (SignupDoc.told — a sign-up in a
 * crowd then costs no notice write of its own), and the committee notices of her community in
 * force now (./communityNotices.ts, ids `notice:<id>`). A page reads the first `offset + limit`
 * of the first two side by side (one round trip), all of the third (at most a hundred), and merges them.
 */
import type { Actor } from '../../authz/actor';
import { noticeLocaleOf } from '../../ports/noticeTexts';
import { presentNotice, signupNotice, type ListedNotice } from '../../presenters/inbox';
import { inboxTotal, newestNotices, unreadCountOf } from '../../repositories/inbox';
import { newestToldSignups, toldSignupsCount } from '../../repositories/signups';
import { communityNoticesOf } from './communityNotices';

/** Her unread notices of every kind (the badge). */
export async function unreadNotices(actor: Actor, now: Date): Promise<number> {
  const [sent, told, community] = await Promise.all([unreadCountOf(actor.userId), toldSignupsCount(actor.userId, true), communityNoticesOf(actor, now)]);
  return sent + told + community.unread;
}

/** A page of the actor's own notices (no one reads another's inbox: every query is by her id or her own community). */
export async function listInbox(actor: Actor, offset: number, limit: number, now: Date = new Date()) {
  const [sent, told, sentTotal, toldTotal, sentUnread, toldUnread, community] = await Promise.all([
    newestNotices(actor.userId, offset + limit),
    newestToldSignups(actor.userId, offset + limit),
    inboxTotal(actor.userId),
    toldSignupsCount(actor.userId),
    unreadCountOf(actor.userId),
    toldSignupsCount(actor.userId, true),
    communityNoticesOf(actor, now),
  ]);
  const merged: ListedNotice[] = [...sent, ...told.map(signupNotice), ...community.listed].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? -1 : 1),
  );
  const locale = noticeLocaleOf(actor.user);
  const items = merged.slice(offset, offset + limit).map((n) => presentNotice(n, locale));
  const total = sentTotal + toldTotal + community.listed.length;
  return { items, total, hasMore: offset + items.length < total, unread: sentUnread + toldUnread + community.unread };
}
