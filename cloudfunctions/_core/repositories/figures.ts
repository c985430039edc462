/**
 * Counts and sums over a collection computed by the database (`aggregate()`: match, group,
 * sum), so a dashboard costs the same few round trips whatever the region holds — reading every
 * document would take a round trip per 1,000 and outlive a 10-second function in a big county.
 *
 * Aggregates run outside transactions only: node-sdk sends `aggregate()` without the
 * transaction id (@cloudbase/database collection.js, see runtime/transactions.ts), so inside one
 * it would read committed data, not the transaction's snapshot.
 */
import { database } from '../runtime/cloudbase';

/** How many documents matched, and the sum of one numeric field over them. */
export interface Tally {
  count: number;
  sum: number;
}

/**
 * Groups an aggregate may return. CloudBase answers 20 results unless a `limit` stage says more
 * (https://docs.cloudbase.net/api-reference/server/node-sdk/database/aggregate/stages/limit);
 * a group key here is a type, a level or a region below the dashboard's, never near this.
 */
const MAX_GROUPS = 1000;

/**
 * Counts (and sums `sumField` over) the documents matching `match`, grouped by the value of
 * `key` (null: one group for all). One round trip. A document without the key is counted under
 * null, as MongoDB groups a missing field.
 */
export async function tallyBy(collection: string, match: Record<string, unknown>, key: string | null, sumField?: string): Promise<Map<string | null, Tally>> {
  const $ = database().command.aggregate;
  const { data } = (await database()
    .collection(collection)
    .aggregate()
    .match(match)
    .group({ _id: key === null ? null : `$${key}`, count: $.sum(1), sum: $.sum(sumField ? `$${sumField}` : 0) })
    .limit(MAX_GROUPS)
    .end()) as { data: Array<{ _id: string | null; count: number; sum: number | null }> };
  return new Map(data.map((row) => [row._id ?? null, { count: row.count, sum: row.sum ?? 0 }]));
}

/** The tally of all matching documents (zero when none match). One round trip. */
export async function tallyOf(collection: string, match: Record<string, unknown>, sumField?: string): Promise<Tally> {
  return (await tallyBy(collection, match, null, sumField)).get(null) ?? { count: 0, sum: 0 };
}

/** How many documents match. One round trip. */
export async function countOf(collection: string, where: Record<string, unknown>): Promise<number> {
  const { total } = await database().collection(collection).where(where).count();
  return total ?? 0;
}

/** Sum over every key's tally. */
export function totalOf(tallies: Map<string | null, Tally>): Tally {
  let count = 0;
  let sum = 0;
  for (const t of tallies.values()) {
    count += t.count;
    sum += t.sum;
  }
  return { count, sum };
}

/** The tallies as plain counts by key (keys that are null left out). */
export function countsByKey(tallies: Map<string | null, Tally>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, t] of tallies) if (key !== null) out[key] = t.count;
  return out;
}
