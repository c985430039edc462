/**
 * Redemptions of the points store (collection redemptions), with what one person holds of an
 * item (redemption_counts) and the community's pickup codes (pickup_codes).
 */
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import type { Transaction } from '../runtime/transactions';
import { Collections } from './collections';
import { newestFirstPage, type NewestFirstPage } from './newestFirstPage';

export interface RedemptionDoc {
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

const redemptions = () => database().collection(Collections.redemptions);
const countIdOf = (itemId: string, userId: string) => `rc${digest('redeemed', itemId, userId).slice(0, 30)}`;

/** A redemption by id, or null; read inside `tx` when given. */
export async function findRedemption(redemptionId: string, tx?: Transaction): Promise<RedemptionDoc | null> {
  // Inside a transaction node-sdk answers one document as `data` (an object or null), outside as a list.
  if (tx) return ((await tx.collection(Collections.redemptions).doc(redemptionId).get()) as { data: RedemptionDoc | null }).data;
  const { data } = await redemptions().doc(redemptionId).get();
  return (data[0] as RedemptionDoc | undefined) ?? null;
}

/** The redemption of a community's pickup code, or null. */
export async function redemptionByPickupCode(communityId: string, pickupCode: string): Promise<RedemptionDoc | null> {
  const { data } = await redemptions().where({ communityId, pickupCode }).limit(1).get();
  return (data[0] as RedemptionDoc | undefined) ?? null;
}

/** Writes a redemption whole, in the transaction that paid for it. */
export async function putRedemption(redemption: RedemptionDoc, tx: Transaction): Promise<void> {
  const { _id, ...fields } = redemption;
  await tx.collection(Collections.redemptions).doc(_id).set(fields);
}

/** Changes a redemption inside a transaction. */
export async function updateRedemption(redemptionId: string, changes: Partial<Omit<RedemptionDoc, '_id'>>, tx: Transaction): Promise<void> {
  await tx.collection(Collections.redemptions).doc(redemptionId).update(changes);
}

/** A page of redemptions matching a filter, newest first. */
export async function redemptionsPage(where: Partial<Pick<RedemptionDoc, 'userId' | 'communityId' | 'state'>>, offset: number, limit: number): Promise<NewestFirstPage<RedemptionDoc>> {
  return newestFirstPage<RedemptionDoc>(Collections.redemptions, where, 'createdAt', offset, limit);
}

/** How many of each item one person holds (by item id). */
export async function heldCounts(itemIds: string[], userId: string): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const _ = database().command;
  const { data } = await database().collection(Collections.redemptionCounts).where({ _id: _.in(itemIds.map((id) => countIdOf(id, userId))) }).limit(1000).get();
  const held = new Map((data as Array<{ _id: string; held: number }>).map((c) => [c._id, c.held]));
  return new Map(itemIds.map((id) => [id, held.get(countIdOf(id, userId)) ?? 0]));
}

/** How many of an item one person holds, read inside a transaction (null: never redeemed). */
export async function heldCountIn(itemId: string, userId: string, tx: Transaction): Promise<number | null> {
  const { data } = (await tx.collection(Collections.redemptionCounts).doc(countIdOf(itemId, userId)).get()) as { data: { held: number } | null };
  return data ? data.held : null;
}

/** Sets how many of an item one person holds, inside a transaction. */
export async function setHeldCount(itemId: string, userId: string, held: number, tx: Transaction): Promise<void> {
  await tx.collection(Collections.redemptionCounts).doc(countIdOf(itemId, userId)).set({ held });
}

/** Takes a community's pickup code for a redemption; false when the code is taken. */
export async function takePickupCode(communityId: string, code: string, redemptionId: string, tx: Transaction): Promise<boolean> {
  const ref = tx.collection(Collections.pickupCodes).doc(`${communityId}-${code}`);
  const { data } = (await ref.get()) as { data: unknown };
  if (data) return false;
  await ref.set({ redemptionId });
  return true;
}

/** Frees a community's pickup code (its redemption was cancelled). */
export async function freePickupCode(communityId: string, code: string, tx: Transaction): Promise<void> {
  await tx.collection(Collections.pickupCodes).doc(`${communityId}-${code}`).remove();
}
