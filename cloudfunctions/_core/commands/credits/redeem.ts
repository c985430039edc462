/**
 * store.redeem: a resident redeems an item, with stock, her per-person limit and her balance
 * checked and changed in one transaction (so a thousand taps on the last items can neither
 * oversell nor overdraw), and gets a pickup code.
 */
import { randomInt } from 'node:crypto';
import type { RedemptionView } from '../../../../src/shared/schemas/credits';
import type { Actor } from '../../authz/actor';
import { accountId } from '../../ledger/accounts';
import { applyPosting } from '../../ledger/posting';
import { presentRedemption } from '../../presenters/credits';
import { heldCountIn, putRedemption, setHeldCount, takePickupCode, type RedemptionDoc } from '../../repositories/redemptions';
import { findItem, updateItem } from '../../repositories/storeItems';
import { digest } from '../../runtime/hash';
import { oneAtATime } from '../../runtime/keyedQueue';
import { inTransaction, type Transaction } from '../../runtime/transactions';
import { tellRedeemer } from './tellRedeemer';
import { storeErrors } from '../../../../src/shared/domainErrors';

/** A pickup code unique among the community's codes (8 digits, easy to read out). */
async function claimPickupCode(tx: Transaction, communityId: string, redemptionId: string): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    if (await takePickupCode(communityId, code, redemptionId, tx)) return code;
  }
  throw storeErrors.pickupCodeBusy();
}

/** Redeems an item: stock, per-person limit and balance checked and changed in one transaction. */
export async function redeem(actor: Actor, itemId: string, requestId: string, now: Date): Promise<RedemptionView> {
  const redemptionId = `rd${digest('redeem', actor.userId, requestId).slice(0, 30)}`;
  const doc = await oneAtATime(accountId('resident', actor.userId), () => inTransaction(async (tx) => {
    const item = await findItem(itemId, tx);
    if (!item || !item.active) throw storeErrors.itemNotFound();
    // A community stocks its store for its own residents.
    if (actor.user.homeCommunityId !== item.communityId) throw storeErrors.residentsOnly();
    if (item.stock <= 0) throw storeErrors.outOfStock();
    const held = (await heldCountIn(itemId, actor.userId, tx)) ?? 0;
    if (held >= item.perPersonLimit) throw storeErrors.perPersonLimit({ limit: item.perPersonLimit });
    // The posting throws INSUFFICIENT_CREDITS (and the whole transaction changes nothing) if the balance is short.
    await applyPosting(
      tx,
      {
        id: `redeem-${redemptionId}`,
        memo: `兑换：${item.name}`,
        by: actor.userId,
        ref: { redemptionId, itemId },
        legs: [
          { kind: 'resident', ownerId: actor.userId, amount: -item.cost, entryKind: 'redeemed' },
          { kind: 'store', ownerId: item.communityId, amount: item.cost, entryKind: 'redeemed' },
        ],
      },
      now,
    );
    await updateItem(itemId, { stock: item.stock - 1, updatedAt: now }, tx);
    await setHeldCount(itemId, actor.userId, held + 1, tx);
    const redemption: RedemptionDoc = {
      _id: redemptionId,
      itemId,
      itemName: item.name,
      communityId: item.communityId,
      userId: actor.userId,
      nickname: actor.user.nickname,
      cost: item.cost,
      pickupCode: await claimPickupCode(tx, item.communityId, redemptionId),
      state: 'pending',
      createdAt: now,
      fulfilledAt: null,
      fulfilledBy: null,
      cancelledAt: null,
      cancelledBy: null,
    };
    await putRedemption(redemption, tx);
    return redemption;
  }));
  await tellRedeemer(doc, 'store_redeemed');
  return presentRedemption(doc);
}
