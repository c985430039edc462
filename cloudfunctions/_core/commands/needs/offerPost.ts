/** needs.offerPost: what I can do for neighbours, on the time-bank board of my community (where it is on). */
import { needErrors } from '../../../../src/shared/domainErrors';
import type { NeedsOfferPostInput, OfferView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { loadReadableBoard } from '../../authz/needs';
import { assertContentAllowed } from '../../ports/contentCheck';
import { offerView } from '../../presenters/needs';
import { addOffer, type OfferDoc } from '../../repositories/needOffers';
import { digest } from '../../runtime/hash';

/** Posts an offer on the caller's home community's time-bank board. */
export async function postOffer(actor: Actor, input: NeedsOfferPostInput, requestId: string, now: Date): Promise<OfferView> {
  const home = actor.user.homeCommunityId;
  if (!home) throw needErrors.noHomeCommunity();
  await loadReadableBoard(actor, home, 'needs.offerPost', needErrors.timeBankOff());
  await assertContentAllowed({ what: input.what }, 3, actor.openid);
  const offer: OfferDoc = {
    _id: `no${digest('offer', actor.userId, requestId).slice(0, 24)}`,
    communityId: home,
    userId: actor.userId,
    what: input.what,
    category: input.category,
    state: 'open',
    createdAt: now,
    updatedAt: now,
  };
  await addOffer(offer);
  return offerView(actor, offer, new Map([[actor.userId, actor.user.nickname]]));
}
