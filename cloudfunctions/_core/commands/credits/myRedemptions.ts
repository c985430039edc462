/** store.mine: my redemptions, newest first. */
import type { Actor } from '../../authz/actor';
import { presentRedemption } from '../../presenters/credits';
import { redemptionsPage } from '../../repositories/redemptions';

/** A page of the caller's own redemptions. */
export async function myRedemptions(actor: Actor, offset: number, limit: number) {
  const { docs, total, hasMore } = await redemptionsPage({ userId: actor.userId }, offset, limit);
  return { items: docs.map(presentRedemption), total, hasMore };
}
