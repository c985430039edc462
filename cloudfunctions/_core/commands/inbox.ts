/**
 * The in-app inbox: notices newest first, with an unread count for the badge. Catalogued
 * notices are written in the reader's language (her `locale`, which the app keeps in step with
 * the language she picked); older ones as they were stored.
 */
import { noticeLocaleOf, noticeTextFor, type NoticeParams } from '../ports/noticeTexts';
import { Collections } from '../repositories/collections';
import type { Actor } from '../authz/actor';
import { database } from '../runtime/cloudbase';

interface InboxDoc {
  _id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  params?: NoticeParams | null;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

const inbox = () => database().collection(Collections.inbox);

async function unreadCount(userId: string): Promise<number> {
  return (await inbox().where({ userId, readAt: null }).count()).total;
}

export async function listInbox(actor: Actor, offset: number, limit: number) {
  const [page, total, unread] = await Promise.all([
    inbox().where({ userId: actor.userId }).orderBy('createdAt', 'desc').skip(offset).limit(limit).get(),
    inbox().where({ userId: actor.userId }).count(),
    unreadCount(actor.userId),
  ]);
  const locale = noticeLocaleOf(actor.user);
  const items = (page.data as InboxDoc[]).map((n) => ({
    id: n._id,
    kind: n.kind,
    ...noticeTextFor(n, locale),
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
  }));
  return { items, total: total.total, hasMore: offset + items.length < total.total, unread };
}

/** Marks some (or all) of my notices read. */
export async function markInboxRead(actor: Actor, ids: string[] | undefined, now: Date) {
  const _ = database().command;
  const where = ids ? { userId: actor.userId, _id: _.in(ids), readAt: null } : { userId: actor.userId, readAt: null };
  await inbox().where(where).update({ readAt: now });
  return { unread: await unreadCount(actor.userId) };
}
