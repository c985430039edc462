/** needs.list: a community's board — open needs first, then newest — public fields only. */
import type { NeedsListInput } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { loadReadableBoard } from '../../authz/needs';
import { boardPage } from '../../repositories/needs';
import { needViews } from './views';

/** One page of the caller's (or a named) community's board. */
export async function listNeeds(actor: Actor, input: NeedsListInput, now: Date) {
  const { communityId, relations } = await loadReadableBoard(actor, input.communityId, 'needs.list');
  const page = await boardPage(communityId, { category: input.category, state: input.state }, input.offset, input.limit);
  return { items: await needViews(actor, page.docs, now, relations), total: page.total, hasMore: page.hasMore };
}
