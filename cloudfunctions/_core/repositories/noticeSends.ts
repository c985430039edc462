/**
 * Subscribe messages of committee notices (collection `notice_sends`): one mark per notice per
 * resident, written before the message is sent, its id derived from the two — so a job slice
 * that runs again after a crash, or two runners at once, send her a notice at most once. A send
 * that fails before WeChat is called lets its mark go (releaseSend) so the re-run sends it; only a
 * runner killed between the mark and the call loses that one message — at most once, never twice
 * (WeChat's subscribeMessage.send takes no idempotency key, so exactly once cannot be had) — and
 * such a mark, left pending, is counted as lost for staff (ports/notify.ts, recordLostMessages).
 */
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { digest } from '../runtime/hash';
import { Collections } from './collections';

export interface NoticeSendDoc {
  _id: string;
  noticeId: string;
  userId: string;
  claimedAt: Date;
  /** The notice's community (for staff's count of a message lost: ports/notify.ts, recordLostMessages). */
  communityId?: string | null;
  /**
   * Where its message got to: `pending` with the mark, settled once the send answered; one still
   * pending long after went down with its runner (counted as lost, never sent again). Absent on
   * marks written before this was kept.
   */
  phone?: 'pending' | 'sent' | 'failed' | 'skipped' | 'lost';
}

/** The id of the mark of a notice's message to a resident (also the dedupe key of its failure record). */
export function sendIdOf(noticeId: string, userId: string): string {
  return `ns${digest('notice-send', noticeId, userId).slice(0, 30)}`;
}

/** Claims the one message of a notice to her (pending until settled); false when it was claimed before. */
export async function claimSend(noticeId: string, userId: string, communityId: string, now: Date): Promise<boolean> {
  try {
    const mark: NoticeSendDoc = { _id: sendIdOf(noticeId, userId), noticeId, userId, claimedAt: now, communityId, phone: 'pending' };
    await database().collection(Collections.noticeSends).add(mark);
    return true;
  } catch (error) {
    if (isDuplicateError(error)) return false;
    throw error;
  }
}

/** Lets a claim go when its send never reached WeChat (the runner failed before the call): a re-run sends it. */
export async function releaseSend(noticeId: string, userId: string): Promise<void> {
  await database().collection(Collections.noticeSends).doc(sendIdOf(noticeId, userId)).remove();
}

/** Settles a claimed message (only while pending); true when this call did. */
export async function settleSend(id: string, state: 'sent' | 'failed' | 'skipped' | 'lost'): Promise<boolean> {
  const settled = await database().collection(Collections.noticeSends).where({ _id: id, phone: 'pending' }).update({ phone: state });
  return settled.updated === 1;
}

/** Marks whose message has been pending since before `before` (oldest first, at most `limit`). */
export async function pendingSendsBefore(before: Date, limit: number): Promise<NoticeSendDoc[]> {
  const { data } = await database()
    .collection(Collections.noticeSends)
    .where({ phone: 'pending', claimedAt: database().command.lt(before) })
    .orderBy('claimedAt', 'asc')
    .limit(limit)
    .get();
  return data as NoticeSendDoc[];
}

/** How many messages of a notice were claimed (sent, or being sent). */
export async function sendCountOf(noticeId: string): Promise<number> {
  return (await database().collection(Collections.noticeSends).where({ noticeId }).count()).total;
}
