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

/** An aggregation expression (node-sdk `db.command.aggregate`), serialized as MongoDB's. */
export type Figure = unknown;

const agg = () => database().command.aggregate;

/** Conditions on a document's fields, for `countWhen` / `sumWhen`. */
export const when = {
  eq: (field: string, value: unknown): Figure => agg().eq([`$${field}`, value]),
  gte: (field: string, value: unknown): Figure => agg().gte([`$${field}`, value]),
  lt: (field: string, value: unknown): Figure => agg().lt([`$${field}`, value]),
  all: (...conditions: Figure[]): Figure => agg().and(conditions),
};

/** How many documents are in the group. */
export const countAll = (): Figure => agg().sum(1);
/** The sum of a numeric field over the group. */
export const sumOf = (field: string): Figure => agg().sum(`$${field}`);
/** How many documents of the group meet the condition. */
export const countWhen = (condition: Figure): Figure => agg().sum(agg().cond({ if: condition, then: 1, else: 0 }));
/** The sum of a numeric field over the documents of the group that meet the condition. */
export const sumWhen = (condition: Figure, field: string): Figure => agg().sum(agg().cond({ if: condition, then: `$${field}`, else: 0 }));

/**
 * Several figures of the documents matching `match`, grouped by the value of `key` (null: one
 * group for all) — one round trip, one pass over the documents. A document without the key is
 * counted under null, as MongoDB groups a missing field.
 */
export async function figuresBy<K extends string>(collection: string, match: Record<string, unknown>, key: string | null, figures: Record<K, Figure>): Promise<Map<string | null, Record<K, number>>> {
  const { data } = (await database()
    .collection(collection)
    .aggregate()
    .match(match)
    .group({ _id: key === null ? null : `$${key}`, ...figures })
    .limit(MAX_GROUPS)
    .end()) as { data: Array<{ _id: string | null } & Record<K, number | null>> };
  const names = Object.keys(figures) as K[];
  return new Map(data.map((row) => [row._id ?? null, Object.fromEntries(names.map((name) => [name, row[name] ?? 0])) as Record<K, number>]));
}

/** The figures of all matching documents (zeros when none match). One round trip. */
export async function figuresOf<K extends string>(collection: string, match: Record<string, unknown>, figures: Record<K, Figure>): Promise<Record<K, number>> {
  const all = (await figuresBy(collection, match, null, figures)).get(null);
  return all ?? (Object.fromEntries(Object.keys(figures).map((name) => [name, 0])) as Record<K, number>);
}

/**
 * Counts (and sums `sumField` over) the documents matching `match`, grouped by the value of
 * `key` (null: one group for all). One round trip.
 */
export async function tallyBy(collection: string, match: Record<string, unknown>, key: string | null, sumField?: string): Promise<Map<string | null, Tally>> {
  return figuresBy(collection, match, key, { count: countAll(), sum: sumField ? sumOf(sumField) : agg().sum(0) });
}

/** How many documents match. One round trip. */
export async function countOf(collection: string, where: Record<string, unknown>): Promise<number> {
  const { total } = await database().collection(collection).where(where).count();
  return total ?? 0;
}

/** The tallies as plain counts by key (keys that are null left out). */
export function countsByKey(tallies: Map<string | null, Tally>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, t] of tallies) if (key !== null) out[key] = t.count;
  return out;
}
