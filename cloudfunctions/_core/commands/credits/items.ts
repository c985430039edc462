/** store.items: a community's points store. */
import type { Actor } from '../../authz/actor';
import { loadCommunity, managesCredits } from '../../authz/communities';
import { balanceOf } from '../../ledger/accounts';
import { itemsOf } from '../../repositories/storeItems';
import { itemViews } from './itemViews';

/** A community's store: what is on offer (everything, for staff over it), and the caller's balance. */
export async function storeItems(actor: Actor, communityId: string) {
  const region = await loadCommunity(communityId);
  const canManage = managesCredits(actor, region);
  const docs = await itemsOf(communityId, !canManage);
  const [views, balance] = await Promise.all([itemViews(docs, actor.userId), balanceOf('resident', actor.userId)]);
  return { items: views, canManage, balance };
}
