/**
 * Every document matching a query, read a thousand at a time (CloudBase caps a page at 1,000)
 * by ascending id after the last one read — each page one indexed range, however many pages —
 * then put in the order asked for.
 */
import { database } from '../runtime/cloudbase';

const PAGE = 1000;

type Sortable = Date | number | string | null | undefined;

function compare(a: Sortable, b: Sortable): number {
  const key = (v: Sortable) => (v instanceof Date ? v.getTime() : v ?? '');
  const [x, y] = [key(a), key(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export async function allMatching<T extends { _id: string }>(
  collection: string,
  where: Record<string, unknown>,
  order?: { field: keyof T & string; direction: 'asc' | 'desc' },
): Promise<T[]> {
  // The id is the paging cursor: a filter on it would be overwritten (chunk the ids instead).
  if ('_id' in where) throw new Error('allMatching pages by _id: query ids in chunks of at most 1,000 instead');
  const _ = database().command;
  const out: T[] = [];
  for (let after: string | null = null; ; ) {
    const page: Record<string, unknown> = after === null ? where : { ...where, _id: _.gt(after) };
    const { data }: { data: unknown[] } = await database().collection(collection).where(page).orderBy('_id', 'asc').limit(PAGE).get();
    out.push(...(data as T[]));
    if (data.length < PAGE) break;
    after = (data[data.length - 1] as T)._id;
  }
  if (order) {
    const sign = order.direction === 'asc' ? 1 : -1;
    out.sort((a, b) => sign * compare(a[order.field] as Sortable, b[order.field] as Sortable) || compare(a._id, b._id));
  }
  return out;
}

/**
 * Documents by id, however many ids: CloudBase returns at most 1,000 documents per query
 * (node-sdk's Query.get caps `limit` at 1000: @cloudbase/database dist/commonjs/query.js), so
 * longer lists are asked for in chunks of 1,000, all at once. Missing ids are left out.
 */
export async function byIds<T>(collection: string, ids: readonly string[], field?: Record<string, boolean>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const _ = database().command;
  const chunks: string[][] = [];
  for (let start = 0; start < unique.length; start += PAGE) chunks.push(unique.slice(start, start + PAGE));
  const pages = await Promise.all(
    chunks.map((chunk) => {
      const query = database().collection(collection).where({ _id: _.in(chunk) });
      return (field ? query.field(field) : query).limit(PAGE).get();
    }),
  );
  return pages.flatMap(({ data }) => data as T[]);
}
