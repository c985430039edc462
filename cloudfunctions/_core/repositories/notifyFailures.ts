/** Subscribe messages WeChat did not take (collection notify_failures, written by ports/notify.ts). */
import { database } from '../runtime/cloudbase';
import { Collections } from './collections';

export interface FailureDoc {
  _id: string;
  userId: string;
  communityId: string | null;
  kind: string;
  errcode: number;
  message: string;
  createdAt: Date;
}

/** The newest failures (at most `limit`) of some communities since a moment, and how many there are in all. */
export async function failuresIn(communityIds: string[], since: Date, limit: number): Promise<{ docs: FailureDoc[]; total: number }> {
  if (communityIds.length === 0) return { docs: [], total: 0 };
  const _ = database().command;
  const where = { communityId: _.in(communityIds), createdAt: _.gte(since) };
  const failures = database().collection(Collections.notifyFailures);
  const [page, count] = await Promise.all([failures.where(where).orderBy('createdAt', 'desc').limit(limit).get(), failures.where(where).count()]);
  return { docs: page.data as FailureDoc[], total: count.total };
}

/** Records one failed send (once per notice: its dedupe key is the id; a second record is dropped). */
export async function recordFailure(doc: FailureDoc): Promise<void> {
  await database()
    .collection(Collections.notifyFailures)
    .add(doc)
    .catch(() => undefined);
}
