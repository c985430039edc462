/**
 * needs.queue: what the committee should look at — needs unclaimed past the set time
 * (NEED_UNCLAIMED_AFTER_HOURS) and needs overdue (their last day came and they are not done),
 * oldest first. Staff of another community get NOT_FOUND, as if it had no board.
 */
import type { Actor } from '../../authz/actor';
import { loadReadableBoard } from '../../authz/needs';
import { overdue, unclaimedLong } from '../../presenters/needs';
import { liveNeedsOf } from '../../repositories/needs';
import { needViews } from './views';

/** One page of the community's needs that want the committee's attention. */
export async function needQueue(actor: Actor, communityId: string, offset: number, limit: number, now: Date) {
  const { relations } = await loadReadableBoard(actor, communityId, 'needs.queue');
  const waiting = (await liveNeedsOf(communityId)).filter((n) => unclaimedLong(n, now) || overdue(n, now));
  const page = waiting.slice(offset, offset + limit);
  return { items: await needViews(actor, page, now, relations), total: waiting.length, hasMore: offset + limit < waiting.length };
}
