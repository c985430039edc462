/** inbox.markRead: marks some (or all) of my notices read, of both kinds (see list.ts). */
import type { Actor } from '../../authz/actor';
import { SIGNUP_NOTICE_PREFIX } from '../../presenters/inbox';
import { markRead } from '../../repositories/inbox';
import { markToldRead } from '../../repositories/signups';
import { unreadNotices } from './list';

/** Marks the actor's notices read (only her own: every update is by her id) and answers the new badge. */
export async function markInboxRead(actor: Actor, ids: string[] | undefined, now: Date) {
  const signupIds = ids?.filter((id) => id.startsWith(SIGNUP_NOTICE_PREFIX)).map((id) => id.slice(SIGNUP_NOTICE_PREFIX.length));
  const noticeIds = ids?.filter((id) => !id.startsWith(SIGNUP_NOTICE_PREFIX));
  await Promise.all([
    noticeIds === undefined || noticeIds.length > 0 ? markRead(actor.userId, noticeIds, now) : null,
    signupIds === undefined || signupIds.length > 0 ? markToldRead(actor.userId, signupIds, now) : null,
  ]);
  return { unread: await unreadNotices(actor.userId) };
}
