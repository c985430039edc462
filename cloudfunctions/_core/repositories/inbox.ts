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
  /**
   * Its subscribe message, for a kind with a template: `pending` is written with the notice itself
   * (no request of its own) and settled once the send answered; one still pending long after is a
   * message lost with its function (ports/notify.ts, recordLostMessages). Absent for other kinds.
   */
  phone?: PhoneState | null;
}

/** Where a notice's subscribe message got to. */
export type PhoneState = 'pending' | 'sent' | 'failed' | 'skipped' | 'lost';

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

/** Settles a notice's pending message (only while pending: a settle never undoes another); true when this call did. */
export async function settlePhone(id: string, state: Exclude<PhoneState, 'pending'>): Promise<boolean> {
  const settled = await inbox().where({ _id: id, phone: 'pending' }).update({ phone: state });
  return settled.updated === 1;
}

/** Notices whose message has been pending since before `before` (oldest first, at most `limit`). */
export async function pendingPhonesBefore(before: Date, limit: number): Promise<InboxDoc[]> {
  const { data } = await inbox().where({ phone: 'pending', createdAt: database().command.lt(before) }).orderBy('createdAt', 'asc').limit(limit).get();
  return data as InboxDoc[];
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
