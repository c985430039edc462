/**
 * The points store (积分超市): committees stock items per community; a resident redeems one
 * with stock, their per-person limit and their balance checked and changed in one transaction
 * (so a thousand taps on the last items can neither oversell nor overdraw), and gets a pickup
 * code; staff hand it over and mark it fulfilled; cancelling a pending one refunds it.
 */
import { randomInt } from 'node:crypto';
import { communityPolicies } from '../../../src/shared/policies/volunteers';
import type { RedemptionView, StoreItemView, StoreSaveItemInput } from '../../../src/shared/schemas/credits';
import { accountId, balanceOf } from '../ledger/accounts';
import { applyPosting } from '../ledger/posting';
import { assertContentAllowed } from '../ports/contentCheck';
import { notifier } from '../ports/notify';
import { fileStore } from '../ports/storage';
import { recordAudit } from '../repositories/auditLog';
import { newestFirstPage } from '../repositories/newestFirstPage';
import { Collections } from '../repositories/collections';
import { regionDirectory } from '../repositories/regions';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { oneAtATime } from '../runtime/keyedQueue';
import { inTransaction, type Transaction } from '../runtime/transactions';
import { manageableCommunity } from './creditBank';
import { regionErrors, storeErrors } from '../../../src/shared/domainErrors';

interface ItemDoc {
  _id: string;
  communityId: string;
  name: string;
  description: string;
  image: string | null;
  cost: number;
  stock: number;
  perPersonLimit: number;
  active: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

interface RedemptionDoc {
  _id: string;
  itemId: string;
  itemName: string;
  communityId: string;
  userId: string;
  nickname: string;
  cost: number;
  pickupCode: string;
  state: 'pending' | 'fulfilled' | 'cancelled';
  createdAt: Date;
  fulfilledAt: Date | null;
  fulfilledBy: string | null;
  cancelledAt: Date | null;
  cancelledBy: string | null;
}

const items = () => database().collection(Collections.storeItems);
const redemptions = () => database().collection(Collections.redemptions);
const countIdOf = (itemId: string, userId: string) => `rc${digest('redeemed', itemId, userId).slice(0, 30)}`;
const itemNotFound = () => storeErrors.itemNotFound();

async function presentItems(docs: ItemDoc[], userId: string): Promise<StoreItemView[]> {
  const _ = database().command;
  const counts = docs.length
    ? ((await database().collection(Collections.redemptionCounts).where({ _id: _.in(docs.map((d) => countIdOf(d._id, userId))) }).limit(1000).get()).data as Array<{ _id: string; held: number }>)
    : [];
  const held = new Map(counts.map((c) => [c._id, c.held]));
  const urls = await fileStore().temporaryUrls(docs.map((d) => d.image).filter((i): i is string => !!i && i.startsWith('cloud://')));
  return docs.map((d) => ({
    id: d._id,
    communityId: d.communityId,
    name: d.name,
    description: d.description,
    image: d.image ? (urls.get(d.image) ?? d.image) : null,
    cost: d.cost,
    stock: d.stock,
    perPersonLimit: d.perPersonLimit,
    active: d.active,
    mine: held.get(countIdOf(d._id, userId)) ?? 0,
  }));
}

export async function storeItems(actor: Actor, communityId: string) {
  const region = (await regionDirectory()).get(communityId);
  if (!region || region.level !== 'community') throw regionErrors.communityNotFound();
  const canManage = communityPolicies['community.manageCredits']!(actor, { regionId: region._id, ancestorIds: region.ancestorIds });
  const { data } = await items().where(canManage ? { communityId } : { communityId, active: true }).orderBy('cost', 'asc').limit(200).get();
  const [views, balance] = await Promise.all([presentItems(data as ItemDoc[], actor.userId), balanceOf('resident', actor.userId)]);
  return { items: views, canManage, balance };
}

export async function saveItem(actor: Actor, input: StoreSaveItemInput, requestId: string, now: Date): Promise<StoreItemView> {
  await manageableCommunity(actor, input.communityId);
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
    const { data } = await items().doc(id).get();
    const existing = data[0] as ItemDoc | undefined;
    if (!existing || existing.communityId !== input.communityId) throw itemNotFound();
    // Stock is set absolutely by staff; a redemption racing this save simply conflicts and retries.
    await inTransaction(async (tx) => {
      await tx.collection(Collections.storeItems).doc(id!).update(fields);
    });
  } else {
    id = `it${digest('item', actor.userId, requestId).slice(0, 30)}`;
    await items().doc(id).set({ ...fields, createdBy: actor.userId, createdAt: now });
  }
  await recordAudit(
    { actorId: actor.userId, action: 'store.saveItem', targetType: 'store_item', targetId: id, regionId: input.communityId, reason: null, details: { name: input.name, cost: input.cost, stock: input.stock } },
    `store-${actor.userId}-${requestId}`,
    now,
  );
  const { data } = await items().doc(id).get();
  return (await presentItems(data as ItemDoc[], actor.userId))[0]!;
}

/** A pickup code unique among the community's codes (8 digits, easy to read out). */
async function claimPickupCode(tx: Transaction, communityId: string, redemptionId: string): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    const ref = tx.collection(Collections.pickupCodes).doc(`${communityId}-${code}`);
    const { data } = (await ref.get()) as { data: unknown };
    if (data) continue;
    await ref.set({ redemptionId });
    return code;
  }
  throw storeErrors.pickupCodeBusy();
}

export async function redeem(actor: Actor, itemId: string, requestId: string, now: Date): Promise<RedemptionView> {
  const redemptionId = `rd${digest('redeem', actor.userId, requestId).slice(0, 30)}`;
  const doc = await oneAtATime(accountId('resident', actor.userId), () => inTransaction(async (tx) => {
    const { data: item } = (await tx.collection(Collections.storeItems).doc(itemId).get()) as { data: ItemDoc | null };
    if (!item || !item.active) throw itemNotFound();
    // A community stocks its store for its own residents.
    if (actor.user.homeCommunityId !== item.communityId) throw storeErrors.residentsOnly();
    if (item.stock <= 0) throw storeErrors.outOfStock();
    const countRef = tx.collection(Collections.redemptionCounts).doc(countIdOf(itemId, actor.userId));
    const { data: count } = (await countRef.get()) as { data: { held: number } | null };
    const held = count?.held ?? 0;
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
    await tx.collection(Collections.storeItems).doc(itemId).update({ stock: item.stock - 1, updatedAt: now });
    await countRef.set({ held: held + 1 });
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
    const { _id, ...fields } = redemption;
    await tx.collection(Collections.redemptions).doc(_id).set(fields);
    return redemption;
  }));
  await tellRedeemer(doc, 'store_redeemed');
  return presentRedemption(doc);
}

/**
 * Tells the resident what became of her redemption: redeemed, picked up, cancelled. Each step is
 * one state change of the redemption, so the redemption's id and the kind make it once.
 */
async function tellRedeemer(r: RedemptionDoc, kind: 'store_redeemed' | 'store_picked_up' | 'store_cancelled'): Promise<void> {
  await notifier().notify({
    userId: r.userId,
    kind,
    params: { item: r.itemName, cost: r.cost },
    link: 'package-volunteer/store/index',
    dedupeKey: `${kind}-${r._id}`,
  });
}

function presentRedemption(r: RedemptionDoc): RedemptionView {
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

async function pageOf(where: Record<string, unknown>, offset: number, limit: number) {
  const { docs, total, hasMore } = await newestFirstPage<RedemptionDoc>(Collections.redemptions, where, 'createdAt', offset, limit);
  return { items: docs.map(presentRedemption), total, hasMore };
}

export const myRedemptions = (actor: Actor, offset: number, limit: number) => pageOf({ userId: actor.userId }, offset, limit);

export async function communityRedemptions(actor: Actor, communityId: string, state: RedemptionDoc['state'] | undefined, offset: number, limit: number) {
  await manageableCommunity(actor, communityId);
  return pageOf(state ? { communityId, state } : { communityId }, offset, limit);
}

export async function fulfil(actor: Actor, communityId: string, pickupCode: string, now: Date): Promise<RedemptionView> {
  await manageableCommunity(actor, communityId);
  const { data } = await redemptions().where({ communityId, pickupCode }).limit(1).get();
  const found = data[0] as RedemptionDoc | undefined;
  if (!found) throw storeErrors.pickupCodeWrong();
  const done = await inTransaction(async (tx) => {
    const { data: current } = (await tx.collection(Collections.redemptions).doc(found._id).get()) as { data: RedemptionDoc | null };
    if (!current || current.state !== 'pending') throw current?.state === 'fulfilled' ? storeErrors.pickupCodeUsed() : storeErrors.redemptionCancelled();
    const changes = { state: 'fulfilled' as const, fulfilledAt: now, fulfilledBy: actor.userId };
    await tx.collection(Collections.redemptions).doc(found._id).update(changes);
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

/** Cancels a pending redemption (the resident, or staff over the store): refund, stock back. */
export async function cancelRedemption(actor: Actor, redemptionId: string, now: Date): Promise<RedemptionView> {
  const { data } = await redemptions().doc(redemptionId).get();
  const found = data[0] as RedemptionDoc | undefined;
  if (!found) throw storeErrors.redemptionNotFound();
  if (found.userId !== actor.userId) {
    const region = (await regionDirectory()).get(found.communityId);
    const staff = region && communityPolicies['community.manageCredits']!(actor, { regionId: region._id, ancestorIds: region.ancestorIds });
    if (!staff) throw storeErrors.redemptionNotFound();
  }
  const done = await inTransaction(async (tx) => {
    const { data: current } = (await tx.collection(Collections.redemptions).doc(redemptionId).get()) as { data: RedemptionDoc | null };
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
    const { data: item } = (await tx.collection(Collections.storeItems).doc(current.itemId).get()) as { data: ItemDoc | null };
    if (item) await tx.collection(Collections.storeItems).doc(current.itemId).update({ stock: item.stock + 1, updatedAt: now });
    const countRef = tx.collection(Collections.redemptionCounts).doc(countIdOf(current.itemId, current.userId));
    const { data: count } = (await countRef.get()) as { data: { held: number } | null };
    await countRef.set({ held: Math.max(0, (count?.held ?? 1) - 1) });
    await tx.collection(Collections.pickupCodes).doc(`${current.communityId}-${current.pickupCode}`).remove();
    const changes = { state: 'cancelled' as const, cancelledAt: now, cancelledBy: actor.userId };
    await tx.collection(Collections.redemptions).doc(redemptionId).update(changes);
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

