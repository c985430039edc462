/** The inbox: one document per notice to one user (written by ports/notify.ts, read here). */
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { Collections } from './collections';

export interface InboxDoc {
  _id: string;
  userId: string;
  kind: string;
  /** In Chinese, as every notice was stored before the catalogue: exports and older readers. */
  title: string;
  body: string;
  /** The catalogued notice's params (ports/noticeTexts.ts NoticeParams), rendered in the reader's language; null only before the catalogue. */
  params?: Record<string, string | number> | null;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

const inbox = () => database().collection(Collections.inbox);

/** Writes one notice (ports/notify.ts); false when its id (the notice's dedupe key) is there already. */
export async function addNotice(doc: InboxDoc): Promise<boolean> {
  try {
    await inbox().add(doc);
    return true;
  } catch (error) {
    if (isDuplicateError(error)) return false;
    throw error;
  }
}

/** How many of a user's notices are unread (the badge). */
export async function unreadCountOf(userId: string): Promise<number> {
  return (await inbox().where({ userId, readAt: null }).count()).total;
}

/** A user's newest `count` notices, newest first (a page of the inbox merges them with her sign-ups' notices). */
export async function newestNotices(userId: string, count: number): Promise<InboxDoc[]> {
  const { data } = await inbox().where({ userId }).orderBy('createdAt', 'desc').limit(count).get();
  return data as InboxDoc[];
}

/** How many notices a user has. */
export async function inboxTotal(userId: string): Promise<number> {
  return (await inbox().where({ userId }).count()).total;
}

/** Marks some (or, without ids, all) of a user's unread notices read. */
export async function markRead(userId: string, ids: string[] | undefined, now: Date): Promise<void> {
  const _ = database().command;
  const where = ids ? { userId, _id: _.in(ids), readAt: null } : { userId, readAt: null };
  await inbox().where(where).update({ readAt: now });
}
