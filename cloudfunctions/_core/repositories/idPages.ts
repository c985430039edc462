/**
 * One page of the documents matching a query, in id order after a cursor id: the keyset page a
 * background job's slice reads (an offset would make CloudBase skip ever more documents).
 */
import { database } from '../runtime/cloudbase';

/** Up to `limit` (at most 1,000, CloudBase's page cap) documents after the id `after` (null: from the start). */
export async function pageAfter<T extends { _id: string }>(collection: string, where: Record<string, unknown>, after: string | null, limit: number): Promise<T[]> {
  if ('_id' in where) throw new Error('pageAfter pages by _id: the filter may not hold one');
  const _ = database().command;
  const { data } = await database()
    .collection(collection)
    .where(after === null ? where : { ...where, _id: _.gt(after) })
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return data as T[];
}
