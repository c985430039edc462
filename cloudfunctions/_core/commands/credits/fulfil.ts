/** store.fulfil: staff hand an item over against its pickup code. */
import type { RedemptionView } from '../../../../src/shared/schemas/credits';
import type { Actor } from '../../authz/actor';
import { loadManageableCommunity } from '../../authz/communities';
import { presentRedemption } from '../../presenters/credits';
import { recordAudit } from '../../repositories/auditLog';
import { findRedemption, redemptionByPickupCode, updateRedemption } from '../../repositories/redemptions';
import { inTransaction } from '../../runtime/transactions';
import { tellRedeemer } from './tellRedeemer';
import { storeErrors } from '../../../../src/shared/domainErrors';

/** Marks a pickup code's redemption handed over (staff over the store; audited). */
export async function fulfil(actor: Actor, communityId: string, pickupCode: string, now: Date): Promise<RedemptionView> {
  await loadManageableCommunity(actor, communityId);
  const found = await redemptionByPickupCode(communityId, pickupCode);
  if (!found) throw storeErrors.pickupCodeWrong();
  const done = await inTransaction(async (tx) => {
    const current = await findRedemption(found._id, tx);
    if (!current || current.state !== 'pending') throw current?.state === 'fulfilled' ? storeErrors.pickupCodeUsed() : storeErrors.redemptionCancelled();
    const changes = { state: 'fulfilled' as const, fulfilledAt: now, fulfilledBy: actor.userId };
    await updateRedemption(found._id, changes, tx);
    return { ...current, ...changes, _id: found._id };
  });
  await recordAudit(
    { actorId: actor.userId, action: 'store.fulfil', targetType: 'redemption', targetId: done._id, regionId: communityId, reason: null, details: { itemName: done.itemName, cost: done.cost } },
    `fulfil-${done._id}`,
    now,
  );
  await tellRedeemer(done, 'store_picked_up');
  return presentRedemption(done);
}
