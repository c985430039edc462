/** inbox.markRead: marks some (or all) of my notices read. */
import type { Actor } from '../../authz/actor';
import { markRead, unreadCountOf } from '../../repositories/inbox';

/** Marks the actor's notices read (only her own: the update is by her id) and answers the new badge. */
export async function markInboxRead(actor: Actor, ids: string[] | undefined, now: Date) {
  await markRead(actor.userId, ids, now);
  return { unread: await unreadCountOf(actor.userId) };
}
