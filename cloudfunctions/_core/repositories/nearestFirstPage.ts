/**
 * One page of a list ordered nearest first from a place: the documents with a GeoJSON `geo`
 * point by distance (CloudBase's `geoNear` over the 2dsphere index), then those without, in the
 * list's own order. Shared by `activities.list` and `groups.list` with `near`.
 *
 * Paging and round trips. The list is one offset/limit sequence: located by distance, then
 * unlocated. Where the unlocated ones start is the number of located ones (`located`), which
 * a count gives — and the unlocated part of a page needs it for its `skip`. Read one after the
 * other that is two round trips before the cards can be presented (a third). So the page
 * answers `located` and the next page passes it back (`locatedHint`): with it, the located
 * page, the total, the located count and the unlocated part are all read at once, in one
 * round trip. The first page needs no hint (its unlocated part starts at 0). Only a page
 * whose hint is missing or stale (a document gained or lost its place meanwhile) and that
 * reaches the unlocated ones reads them again after the counts — correct, one trip slower.
 */
import { database, type Database } from '../runtime/cloudbase';
import { EARTH_RADIUS_M, type LatLng } from '../runtime/geo';

type Filter = Record<string, unknown>;
type Collection = ReturnType<Database['collection']>;

/**
 * How far `geoNear` looks: the whole sphere. The list's own filters (a community, a street or a
 * group) already bound the area, and a located document must never drop out of the list because
 * the chosen place is far away (a resident away from home picking a spot).
 */
export const NEAREST_MAX_METERS = Math.PI * EARTH_RADIUS_M;

export interface NearestFirstPage<T> {
  docs: T[];
  /** Every matching document, located or not. */
  total: number;
  /** How many of them have a `geo` point: the hint for the next page. */
  located: number;
}

export interface NearestFirstQuery {
  collection: () => Collection;
  /** The list's conditions with one more at the top level, where CloudBase wants a near condition. */
  withCondition: (extra: Filter) => object;
  near: LatLng;
  /** Order of the documents without a place, e.g. soonest first; `_id` breaks ties. */
  unlocatedOrder: Array<{ field: string; direction: 'asc' | 'desc' }>;
  offset: number;
  limit: number;
  /** `located` as the previous page answered it. */
  locatedHint?: number;
}

/** The page, the total and the number located; one database round trip with a right hint (or on the first page). */
export async function nearestFirstPage<T>(query: NearestFirstQuery): Promise<NearestFirstPage<T>> {
  const { collection, withCondition, near, unlocatedOrder, offset, limit, locatedHint } = query;
  const db = database();
  const _ = db.command;
  const geometry = new db.Geo.Point(near.longitude, near.latitude);
  const unlocatedFrom = (skip: number) => {
    let ordered = collection().where(withCondition({ geo: _.exists(false) }));
    for (const { field, direction } of unlocatedOrder) ordered = ordered.orderBy(field, direction);
    return ordered.orderBy('_id', 'asc').skip(skip).limit(limit).get();
  };
  // The unlocated part starts at `offset - located` (0 on the first page); read it alongside
  // when the hint says this page reaches past the located ones.
  const guessedSkip = offset === 0 ? 0 : locatedHint !== undefined && offset + limit > locatedHint ? Math.max(0, offset - locatedHint) : null;
  const [page, all, located, guessedTail] = await Promise.all([
    collection()
      .where(withCondition({ geo: _.geoNear({ geometry, maxDistance: NEAREST_MAX_METERS }) }))
      .skip(offset)
      .limit(limit)
      .get(),
    // count() takes no near condition on CloudBase (MongoDB refuses $nearSphere in a count).
    collection().where(withCondition({})).count(),
    collection().where(withCondition({ geo: _.exists(true) })).count(),
    guessedSkip === null ? null : unlocatedFrom(guessedSkip),
  ]);
  const docs = page.data as T[];
  const total = all.total ?? 0;
  const locatedTotal = located.total ?? 0;
  if (docs.length < limit && offset + docs.length < total) {
    const skip = Math.max(0, offset - locatedTotal);
    const tail = guessedTail !== null && guessedSkip === skip ? guessedTail : await unlocatedFrom(skip);
    docs.push(...(tail.data as T[]).slice(0, limit - docs.length));
  }
  return { docs, total, located: locatedTotal };
}
