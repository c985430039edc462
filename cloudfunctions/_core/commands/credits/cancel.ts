/** store.cancel: the resident, or staff over the store, cancel a pending redemption — refund, stock back. */
import type { RedemptionView } from '../../../../src/shared/schemas/credits';
import type { Actor } from '../../authz/actor';
import { managesCredits } from '../../authz/communities';
import { applyPosting } from '../../ledger/posting';
import { presentRedemption } from '../../presenters/credits';
import { recordAudit } from '../../repositories/auditLog';
import { findRedemption, freePickupCode, heldCountIn, setHeldCount, updateRedemption } from '../../repositories/redemptions';
import { regionDirectory } from '../../repositories/regions';
import { findItem, updateItem } from '../../repositories/storeItems';
import { inTransaction } from '../../runtime/transactions';
import { tellRedeemer } from './tellRedeemer';
import { storeErrors } from '../../../../src/shared/domainErrors';

/** Cancels a pending redemption (the resident, or staff over the store): refund, stock back. */
export async function cancelRedemption(actor: Actor, redemptionId: string, now: Date): Promise<RedemptionView> {
  const found = await findRedemption(redemptionId);
  if (!found) throw storeErrors.redemptionNotFound();
  if (found.userId !== actor.userId) {
    const region = (await regionDirectory()).get(found.communityId);
    const staff = region && managesCredits(actor, region);
    if (!staff) throw storeErrors.redemptionNotFound();
  }
  const done = await inTransaction(async (tx) => {
    const current = await findRedemption(redemptionId, tx);
    if (!current || current.state !== 'pending') throw storeErrors.onlyUncollectedCancellable();
    await applyPosting(
      tx,
      {
        id: `refund-${redemptionId}`,
        memo: `取消兑换：${current.itemName}`,
        by: actor.userId,
        ref: { redemptionId },
        legs: [
          { kind: 'store', ownerId: current.communityId, amount: -current.cost, entryKind: 'refunded' },
          { kind: 'resident', ownerId: current.userId, amount: current.cost, entryKind: 'refunded' },
        ],
      },
      now,
    );
    const item = await findItem(current.itemId, tx);
    if (item) await updateItem(current.itemId, { stock: item.stock + 1, updatedAt: now }, tx);
    const held = await heldCountIn(current.itemId, current.userId, tx);
    await setHeldCount(current.itemId, current.userId, Math.max(0, (held ?? 1) - 1), tx);
    await freePickupCode(current.communityId, current.pickupCode, tx);
    const changes = { state: 'cancelled' as const, cancelledAt: now, cancelledBy: actor.userId };
    await updateRedemption(redemptionId, changes, tx);
    return { ...current, ...changes, _id: redemptionId };
  });
  // Staff cancelling someone's redemption is a staff action; a resident cancelling her own is not.
  if (done.userId !== actor.userId) {
    await recordAudit(
      { actorId: actor.userId, action: 'store.cancel', targetType: 'redemption', targetId: redemptionId, regionId: done.communityId, reason: null, details: { itemName: done.itemName, cost: done.cost } },
      `cancel-${redemptionId}`,
      now,
    );
  }
  await tellRedeemer(done, 'store_cancelled');
  return presentRedemption(done);
}
