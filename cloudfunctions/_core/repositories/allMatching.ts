/** Every document matching a query, read a thousand at a time (CloudBase caps a page at 1,000). */
import { database } from '../runtime/cloudbase';

const PAGE = 1000;

export async function allMatching<T>(collection: string, where: Record<string, unknown>, order?: { field: string; direction: 'asc' | 'desc' }): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    let query = database().collection(collection).where(where);
    if (order) query = query.orderBy(order.field, order.direction);
    const { data } = await query.skip(skip).limit(PAGE).get();
    out.push(...(data as T[]));
    if (data.length < PAGE) return out;
  }
}
