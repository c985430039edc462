/** The points store's items (collection store_items), stocked per community by its committee. */
import { database } from '../runtime/cloudbase';
import type { Transaction } from '../runtime/transactions';
import { Collections } from './collections';

export interface ItemDoc {
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

const items = () => database().collection(Collections.storeItems);

/** An item by id, or null; read inside `tx` when given. */
export async function findItem(itemId: string, tx?: Transaction): Promise<ItemDoc | null> {
  // Inside a transaction node-sdk answers one document as `data` (an object or null), outside as a list.
  if (tx) return ((await tx.collection(Collections.storeItems).doc(itemId).get()) as { data: ItemDoc | null }).data;
  const { data } = await items().doc(itemId).get();
  return (data[0] as ItemDoc | undefined) ?? null;
}

/** A community's items (all of them, or only those on offer), cheapest first. */
export async function itemsOf(communityId: string, activeOnly: boolean): Promise<ItemDoc[]> {
  const { data } = await items().where(activeOnly ? { communityId, active: true } : { communityId }).orderBy('cost', 'asc').limit(200).get();
  return data as ItemDoc[];
}

/** Writes a new item. */
export async function putItem(itemId: string, fields: Omit<ItemDoc, '_id'>): Promise<void> {
  await items().doc(itemId).set(fields);
}

/** Changes an item inside a transaction (a redemption racing the change conflicts and retries). */
export async function updateItem(itemId: string, changes: Partial<Omit<ItemDoc, '_id'>>, tx: Transaction): Promise<void> {
  await tx.collection(Collections.storeItems).doc(itemId).update(changes);
}
