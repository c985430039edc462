/** needs.offerWithdraw: whoever made an offer takes it off the board (someone else's offer: NOT_FOUND). */
import { needErrors } from '../../../../src/shared/domainErrors';
import type { OfferView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { offerView } from '../../presenters/needs';
import { findOffer, withdrawOfferOnce } from '../../repositories/needOffers';

/** Withdraws the caller's own offer (withdrawing twice answers the withdrawn offer). */
export async function withdrawOffer(actor: Actor, offerId: string, now: Date): Promise<OfferView> {
  const offer = await findOffer(offerId);
  if (!offer || offer.userId !== actor.userId) throw needErrors.offerNotFound();
  await withdrawOfferOnce(offerId, now);
  return offerView(actor, { ...offer, state: 'withdrawn', updatedAt: now }, new Map([[actor.userId, actor.user.nickname]]));
}
