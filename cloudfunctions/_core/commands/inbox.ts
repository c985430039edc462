/**
 * The in-app inbox: notices newest first, with an unread count for the badge. Catalogued
 * notices are written in the reader's language (her `locale`, which the app keeps in step with
 * the language she picked); older ones as they were stored.
 *
 * Two sources make it: the inbox collection (every notice sent to her) and her own sign-ups,
 * each of which keeps what it came to (SignupDoc.told, written by the write that settled it — a
 * sign-up in a crowd then costs no notice write of its own). Items of the second kind have ids
 * `signup:<signupId>`.
 */
import { noticeLocaleOf, noticeTextFor, type NoticeParams } from '../ports/noticeTexts';
import { signups, type SignupDoc, type SignupTold } from '../repositories/activities';
import { Collections } from '../repositories/collections';
import type { Actor } from '../runtime/actor';
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
const SIGNUP_PREFIX = 'signup:';

/** A notice told on a sign-up, as the inbox shows it. */
interface ToldItem {
  _id: string;
  kind: SignupTold['kind'];
  title: string;
  body: string;
  params: NoticeParams;
  link: string;
  readAt: Date | null;
  createdAt: Date;
}

function toldItem(signup: SignupDoc & { told: SignupTold }): ToldItem {
  return {
    _id: `${SIGNUP_PREFIX}${signup._id}`,
    kind: signup.told.kind,
    title: '',
    body: '',
    params: signup.told.params,
    link: `pages/activity/index?id=${signup.activityId}`,
    readAt: signup.told.readAt,
    createdAt: signup.told.at,
  };
}

/** Her sign-ups that told her something: `told.at` set (an object field exists only when set). */
function toldWhere(userId: string, unreadOnly = false) {
  const _ = database().command;
  return { userId, 'told.at': _.exists(true), ...(unreadOnly ? { 'told.readAt': null } : {}) };
}

async function unreadCount(userId: string): Promise<number> {
  const [notices, told] = await Promise.all([inbox().where({ userId, readAt: null }).count(), signups().where(toldWhere(userId, true)).count()]);
  return notices.total + told.total;
}

/**
 * A page of both sources merged newest first: the first `offset + limit` of each, read side by
 * side (one round trip), cover the page whatever their mix.
 */
export async function listInbox(actor: Actor, offset: number, limit: number) {
  const [page, told, total, toldTotal, unread] = await Promise.all([
    inbox().where({ userId: actor.userId }).orderBy('createdAt', 'desc').limit(offset + limit).get(),
    signups().where(toldWhere(actor.userId)).orderBy('told.at', 'desc').limit(offset + limit).get(),
    inbox().where({ userId: actor.userId }).count(),
    signups().where(toldWhere(actor.userId)).count(),
    unreadCount(actor.userId),
  ]);
  const merged: Array<InboxDoc | ToldItem> = [...(page.data as InboxDoc[]), ...(told.data as Array<SignupDoc & { told: SignupTold }>).map(toldItem)].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? -1 : 1),
  );
  const locale = noticeLocaleOf(actor.user);
  const items = merged.slice(offset, offset + limit).map((n) => ({
    id: n._id,
    kind: n.kind,
    ...noticeTextFor(n, locale),
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
  }));
  const all = total.total + toldTotal.total;
  return { items, total: all, hasMore: offset + items.length < all, unread };
}

/** Marks some (or all) of my notices read, in both sources. */
export async function markInboxRead(actor: Actor, ids: string[] | undefined, now: Date) {
  const _ = database().command;
  const signupIds = ids?.filter((id) => id.startsWith(SIGNUP_PREFIX)).map((id) => id.slice(SIGNUP_PREFIX.length));
  const noticeIds = ids?.filter((id) => !id.startsWith(SIGNUP_PREFIX));
  await Promise.all([
    noticeIds === undefined || noticeIds.length > 0
      ? inbox()
          .where(noticeIds ? { userId: actor.userId, _id: _.in(noticeIds), readAt: null } : { userId: actor.userId, readAt: null })
          .update({ readAt: now })
      : null,
    signupIds === undefined || signupIds.length > 0
      ? signups()
          .where({ ...toldWhere(actor.userId, true), ...(signupIds ? { _id: _.in(signupIds) } : {}) })
          .update({ 'told.readAt': now })
      : null,
  ]);
  return { unread: await unreadCount(actor.userId) };
}
