/** inbox.markRead: marks some (or all) of my notices read, of every kind (see list.ts). */
import type { Actor } from '../../authz/actor';
import { NOTICE_PREFIX, SIGNUP_NOTICE_PREFIX } from '../../presenters/inbox';
import { markRead } from '../../repositories/inbox';
import { markNoticesRead } from '../../repositories/noticeReads';
import { markToldRead } from '../../repositories/signups';
import { communityNoticesOf } from './communityNotices';
import { unreadNotices } from './list';

/** The ids of one kind (by its prefix, stripped); undefined (all of that kind) when no ids were given. */
function idsWith(ids: string[] | undefined, prefix: string): string[] | undefined {
  return ids?.filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length));
}

/**
 * Marks the actor's notices read (only her own: every update is by her id, and a committee
 * notice only among her community's live ones — an id she cannot see marks nothing) and
 * answers the new badge.
 */
export async function markInboxRead(actor: Actor, ids: string[] | undefined, now: Date) {
  const signupIds = idsWith(ids, SIGNUP_NOTICE_PREFIX);
  const communityIds = idsWith(ids, NOTICE_PREFIX);
  const noticeIds = ids?.filter((id) => !id.startsWith(SIGNUP_NOTICE_PREFIX) && !id.startsWith(NOTICE_PREFIX));
  // Only her unread ones get a mark written (opening the inbox marks everything: no write per notice she read before).
  const markCommunity = async () => {
    const { unreadDocs } = await communityNoticesOf(actor, now);
    const wanted = communityIds ? new Set(communityIds) : null;
    await markNoticesRead(actor.userId, wanted ? unreadDocs.filter((d) => wanted.has(d._id)) : unreadDocs, now);
  };
  await Promise.all([
    noticeIds === undefined || noticeIds.length > 0 ? markRead(actor.userId, noticeIds, now) : null,
    signupIds === undefined || signupIds.length > 0 ? markToldRead(actor.userId, signupIds, now) : null,
    communityIds === undefined || communityIds.length > 0 ? markCommunity() : null,
  ]);
  return { unread: await unreadNotices(actor, now) };
}
