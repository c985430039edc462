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

export async function orderedPage<T>(collection: string, where: object, order: PageOrder, offset: number, limit: number): Promise<NewestFirstPage<T>> {
  const matching = () => database().collection(collection).where(where);
  let ordered = matching();
  for (const [field, direction] of order) ordered = ordered.orderBy(field, direction);
  const [page, count] = await Promise.all([ordered.skip(offset).limit(limit).get(), matching().count()]);
  const total = count.total ?? 0;
  return { docs: page.data as T[], total, hasMore: offset + limit < total };
}

export async function newestFirstPage<T>(collection: string, where: object, timeField: string, offset: number, limit: number): Promise<NewestFirstPage<T>> {
  return orderedPage<T>(collection, where, [[timeField, 'desc']], offset, limit);
}
