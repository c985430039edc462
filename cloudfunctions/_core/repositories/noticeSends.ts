/**
 * Subscribe messages of committee notices (collection `notice_sends`): one mark per notice per
 * resident, written before the message is sent, its id derived from the two — so a job slice
 * that runs again after a crash, or two runners at once, send her a notice at most once. A send
 * that fails before WeChat is called lets its mark go (releaseSend) so the re-run sends it; only a
 * runner killed between the mark and the call loses that one message — at most once, never twice
 * (WeChat's subscribeMessage.send takes no idempotency key, so exactly once cannot be had).
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
}

/** The id of the mark of a notice's message to a resident (also the dedupe key of its failure record). */
export function sendIdOf(noticeId: string, userId: string): string {
  return `ns${digest('notice-send', noticeId, userId).slice(0, 30)}`;
}

/** Claims the one message of a notice to her; false when it was claimed before. */
export async function claimSend(noticeId: string, userId: string, now: Date): Promise<boolean> {
  try {
    await database().collection(Collections.noticeSends).add({ _id: sendIdOf(noticeId, userId), noticeId, userId, claimedAt: now });
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

/** How many messages of a notice were claimed (sent, or being sent). */
export async function sendCountOf(noticeId: string): Promise<number> {
  return (await database().collection(Collections.noticeSends).where({ noticeId }).count()).total;
}
