/** Time-bank offers (collection `need_offers`): what a resident can do for neighbours, beside the needs board. */
import type { NeedCategory } from '../../../src/shared/schemas/needs';
import { database } from '../runtime/cloudbase';
import { Collections } from './collections';
import { orderedPage, type NewestFirstPage } from './newestFirstPage';

const offers = () => database().collection(Collections.needOffers);

export interface OfferDoc {
  _id: string;
  communityId: string;
  userId: string;
  what: string;
  category: NeedCategory;
  state: 'open' | 'withdrawn';
  createdAt: Date;
  updatedAt: Date;
}

/** Stores an offer. */
export async function addOffer(doc: OfferDoc): Promise<void> {
  await offers().add(doc);
}

/** An offer by id, or null. */
export async function findOffer(offerId: string): Promise<OfferDoc | null> {
  const { data } = await offers().doc(offerId).get();
  return (data[0] as OfferDoc | undefined) ?? null;
}

/** Withdraws an open offer; false when it was withdrawn already. */
export async function withdrawOfferOnce(offerId: string, now: Date): Promise<boolean> {
  const { updated } = await offers().where({ _id: offerId, state: 'open' }).update({ state: 'withdrawn', updatedAt: now });
  return updated === 1;
}

/** A community's open offers, newest first. */
export async function openOffersPage(communityId: string, category: NeedCategory | undefined, offset: number, limit: number): Promise<NewestFirstPage<OfferDoc>> {
  const where = { communityId, state: 'open', ...(category ? { category } : {}) };
  return orderedPage<OfferDoc>(Collections.needOffers, where, [['createdAt', 'desc'], ['_id', 'asc']], offset, limit);
}
