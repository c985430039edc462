/** Shared by store.redeem, store.fulfil and store.cancel: the resident's notice of each step. */
import { notifier } from '../../ports/notify';
import type { RedemptionDoc } from '../../repositories/redemptions';

/**
 * Tells the resident what became of her redemption: redeemed, picked up, cancelled. Each step is
 * one state change of the redemption, so the redemption's id and the kind make it once.
 */
export async function tellRedeemer(r: RedemptionDoc, kind: 'store_redeemed' | 'store_picked_up' | 'store_cancelled'): Promise<void> {
  await notifier().notify({
    userId: r.userId,
    kind,
    params: { item: r.itemName, cost: r.cost },
    link: 'package-volunteer/store/index',
    dedupeKey: `${kind}-${r._id}`,
  });
}
