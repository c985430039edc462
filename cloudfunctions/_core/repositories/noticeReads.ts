/**
 * Read marks of committee notices (collection `notice_reads`): one small document per resident
 * per notice, its id derived from the two, so however many times (or however concurrently) she
 * opens a notice there is one mark — the notice's read count is a count of its marks. The same
 * mark keeps her dismissal of the notice's pin on the home page.
 */
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { digest } from '../runtime/hash';
import { Collections } from './collections';

export interface NoticeReadDoc {
  _id: string;
  noticeId: string;
  userId: string;
  communityId: string;
  readAt: Date;
  dismissedAt: Date | null;
}

const reads = () => database().collection(Collections.noticeReads);

/** The id of a resident's mark on a notice. */
export function readIdOf(noticeId: string, userId: string): string {
  return `nr${digest('notice-read', noticeId, userId).slice(0, 30)}`;
}

/** Writes her mark unless there is one; true when this call wrote it. */
async function addMark(doc: NoticeReadDoc): Promise<boolean> {
  try {
    await reads().add(doc);
    return true;
  } catch (error) {
    if (isDuplicateError(error)) return false;
    throw error;
  }
}

/** Marks notices read by a resident (each once, whoever else marks at the same time). */
export async function markNoticesRead(userId: string, notices: Array<{ _id: string; communityId: string }>, now: Date): Promise<void> {
  await Promise.all(notices.map((n) => addMark({ _id: readIdOf(n._id, userId), noticeId: n._id, userId, communityId: n.communityId, readAt: now, dismissedAt: null })));
}

/** Dismisses a notice's pin for her (and marks it read: she saw it). */
export async function dismissNotice(userId: string, notice: { _id: string; communityId: string }, now: Date): Promise<void> {
  const id = readIdOf(notice._id, userId);
  if (await addMark({ _id: id, noticeId: notice._id, userId, communityId: notice.communityId, readAt: now, dismissedAt: now })) return;
  await reads().where({ _id: id, dismissedAt: null }).update({ dismissedAt: now });
}

/** Her marks among some notices: which she read and which she dismissed. */
export async function marksOf(userId: string, noticeIds: string[]): Promise<{ read: Set<string>; dismissed: Set<string> }> {
  if (noticeIds.length === 0) return { read: new Set(), dismissed: new Set() };
  const _ = database().command;
  const { data } = await reads()
    .where({ _id: _.in(noticeIds.map((id) => readIdOf(id, userId))) })
    .field({ noticeId: true, dismissedAt: true })
    .limit(noticeIds.length)
    .get();
  const marks = data as Array<Pick<NoticeReadDoc, 'noticeId' | 'dismissedAt'>>;
  return { read: new Set(marks.map((m) => m.noticeId)), dismissed: new Set(marks.filter((m) => m.dismissedAt).map((m) => m.noticeId)) };
}

/** How many residents have read a notice. */
export async function readCountOf(noticeId: string): Promise<number> {
  return (await reads().where({ noticeId }).count()).total;
}
