/** store.saveItem: staff stock their community's store. */
import type { StoreItemView, StoreSaveItemInput } from '../../../../src/shared/schemas/credits';
import type { Actor } from '../../authz/actor';
import { loadManageableCommunity } from '../../authz/communities';
import { assertContentAllowed } from '../../ports/contentCheck';
import { recordAudit } from '../../repositories/auditLog';
import { findItem, putItem, updateItem } from '../../repositories/storeItems';
import { digest } from '../../runtime/hash';
import { inTransaction } from '../../runtime/transactions';
import { itemViews } from './itemViews';
import { storeErrors } from '../../../../src/shared/domainErrors';

/** Adds or changes an item of a community's store (staff over it; audited). */
export async function saveItem(actor: Actor, input: StoreSaveItemInput, requestId: string, now: Date): Promise<StoreItemView> {
  await loadManageableCommunity(actor, input.communityId);
  await assertContentAllowed({ name: input.name, description: input.description }, 3, actor.openid);
  const fields = {
    communityId: input.communityId,
    name: input.name,
    description: input.description,
    image: input.image,
    cost: input.cost,
    stock: input.stock,
    perPersonLimit: input.perPersonLimit,
    active: input.active,
    updatedAt: now,
  };
  let id = input.itemId;
  if (id) {
    const existing = await findItem(id);
    if (!existing || existing.communityId !== input.communityId) throw storeErrors.itemNotFound();
    // Stock is set absolutely by staff; a redemption racing this save simply conflicts and retries.
    await inTransaction(async (tx) => {
      await updateItem(id!, fields, tx);
    });
  } else {
    id = `it${digest('item', actor.userId, requestId).slice(0, 30)}`;
    await putItem(id, { ...fields, createdBy: actor.userId, createdAt: now });
  }
  await recordAudit(
    { actorId: actor.userId, action: 'store.saveItem', targetType: 'store_item', targetId: id, regionId: input.communityId, reason: null, details: { name: input.name, cost: input.cost, stock: input.stock } },
    `store-${actor.userId}-${requestId}`,
    now,
  );
  const saved = await findItem(id);
  return (await itemViews(saved ? [saved] : [], actor.userId))[0]!;
}
