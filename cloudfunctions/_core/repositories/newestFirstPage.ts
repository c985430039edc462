/**
 * One page of a list in a given order, with the number of all matching documents (the "共 N 条"
 * and "load more" of the app), read in parallel: one round trip. `newestFirstPage` is the common
 * case (newest first by a time field).
 */
import { database } from '../runtime/cloudbase';

export interface NewestFirstPage<T> {
  docs: T[];
  total: number;
  hasMore: boolean;
}

/** Sort keys, most significant first (add `_id` last where ties must page stably). */
export type PageOrder = ReadonlyArray<readonly [field: string, direction: 'asc' | 'desc']>;

/**
 * The documents from `offset` to `offset + limit` in this order: the one place a query pages by
 * offset (node-sdk's `Query.skip`, which CloudBase caps with the 1,000-document page).
 */
export async function orderedSlice<T>(collection: string, where: object, order: PageOrder, offset: number, limit: number): Promise<T[]> {
  let ordered = database().collection(collection).where(where);
  for (const [field, direction] of order) ordered = ordered.orderBy(field, direction);
  const { data } = await ordered.skip(offset).limit(limit).get();
  return data as T[];
}

export async function orderedPage<T>(collection: string, where: object, order: PageOrder, offset: number, limit: number): Promise<NewestFirstPage<T>> {
  const [docs, count] = await Promise.all([orderedSlice<T>(collection, where, order, offset, limit), database().collection(collection).where(where).count()]);
  const total = count.total ?? 0;
  return { docs, total, hasMore: offset + limit < total };
}

export async function newestFirstPage<T>(collection: string, where: object, timeField: string, offset: number, limit: number): Promise<NewestFirstPage<T>> {
  return orderedPage<T>(collection, where, [[timeField, 'desc']], offset, limit);
}
