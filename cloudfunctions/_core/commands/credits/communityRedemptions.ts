/** store.redemptions: a community's redemptions, for staff over it. */
import type { Actor } from '../../authz/actor';
import { loadManageableCommunity } from '../../authz/communities';
import { presentRedemption } from '../../presenters/credits';
import { redemptionsPage, type RedemptionDoc } from '../../repositories/redemptions';

/** A page of a community's redemptions (in one state, or all), newest first. */
export async function communityRedemptions(actor: Actor, communityId: string, state: RedemptionDoc['state'] | undefined, offset: number, limit: number) {
  await loadManageableCommunity(actor, communityId);
  const { docs, total, hasMore } = await redemptionsPage(state ? { communityId, state } : { communityId }, offset, limit);
  return { items: docs.map(presentRedemption), total, hasMore };
}
