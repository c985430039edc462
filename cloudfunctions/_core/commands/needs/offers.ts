/** needs.offers: a community's time-bank board (open offers, newest first), where the time bank is on. */
import { needErrors } from '../../../../src/shared/domainErrors';
import type { NeedCategory } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { loadReadableBoard } from '../../authz/needs';
import { offerView } from '../../presenters/needs';
import { openOffersPage } from '../../repositories/needOffers';
import { nicknamesOf } from '../../repositories/users';

/** One page of the time-bank board. */
export async function listOffers(actor: Actor, input: { communityId?: string; category?: NeedCategory; offset: number; limit: number }) {
  const { communityId } = await loadReadableBoard(actor, input.communityId, 'needs.offers', needErrors.timeBankOff());
  const page = await openOffersPage(communityId, input.category, input.offset, input.limit);
  const names = await nicknamesOf([...new Set(page.docs.map((o) => o.userId))]);
  return { items: page.docs.map((o) => offerView(actor, o, names)), total: page.total, hasMore: page.hasMore };
}
