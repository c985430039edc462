/**
 * One page of a list, newest first, with the number of all matching documents (the "共 N 条"
 * and "load more" of the app), read in parallel.
 */
import { database } from '../runtime/cloudbase';

export interface NewestFirstPage<T> {
  docs: T[];
  total: number;
  hasMore: boolean;
}

export async function newestFirstPage<T>(collection: string, where: Record<string, unknown>, timeField: string, offset: number, limit: number): Promise<NewestFirstPage<T>> {
  const matching = () => database().collection(collection).where(where);
  const [page, count] = await Promise.all([matching().orderBy(timeField, 'desc').skip(offset).limit(limit).get(), matching().count()]);
  const total = count.total ?? 0;
  return { docs: page.data as T[], total, hasMore: offset + limit < total };
}
