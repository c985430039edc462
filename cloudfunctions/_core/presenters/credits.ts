/** What the credits function shows: statements, store items and redemptions. */
import type { RedemptionView, StoreItemView } from '../../../src/shared/schemas/credits';
import type { EntryDoc } from '../ledger/posting';
import type { RedemptionDoc } from '../repositories/redemptions';
import type { ItemDoc } from '../repositories/storeItems';

/** An entry of a statement. */
export function presentEntry(e: EntryDoc) {
  return {
    id: e._id,
    amount: e.amount,
    kind: e.kind,
    memo: e.memo,
    createdAt: e.createdAt.toISOString(),
    expiresAt: e.expiresAt ? e.expiresAt.toISOString() : null,
  };
}

/** An item as the store shows it: its image as a temporary URL, and how many the viewer holds. */
export function presentItem(d: ItemDoc, imageUrl: string | null, mine: number): StoreItemView {
  return {
    id: d._id,
    communityId: d.communityId,
    name: d.name,
    description: d.description,
    image: imageUrl,
    cost: d.cost,
    stock: d.stock,
    perPersonLimit: d.perPersonLimit,
    active: d.active,
    mine,
  };
}

/** A redemption as the resident and the store's staff see it. */
export function presentRedemption(r: RedemptionDoc): RedemptionView {
  return {
    id: r._id,
    itemId: r.itemId,
    itemName: r.itemName,
    communityId: r.communityId,
    cost: r.cost,
    pickupCode: r.pickupCode,
    state: r.state,
    nickname: r.nickname,
    createdAt: r.createdAt.toISOString(),
    fulfilledAt: r.fulfilledAt ? r.fulfilledAt.toISOString() : null,
    cancelledAt: r.cancelledAt ? r.cancelledAt.toISOString() : null,
  };
}
