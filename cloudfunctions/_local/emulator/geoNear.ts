/**
 * Nearest-first answers: a query's `$nearSphere`/`$near` condition (node-sdk's
 * `db.command.geoNear`) orders its matches by distance unless the query has its own order, and
 * the aggregate `$geoNear` stage (node-sdk's `aggregate().geoNear`, see @cloudbase/database
 * aggregate.js) filters by its `query` and distance bounds, orders by distance and writes the
 * distance (and with `includeLocs` the location) into each document — in metres from a GeoJSON
 * `near`, in radians from a legacy pair (geo.ts geoNearOrigin).
 */
import { DbError, DbErrorCodes } from './errors';
import { angleBetween, distanceMeters, geoNearOrigin, nearSpec, storedPoint, type NearSpec } from './geo';
import type { Doc } from './values';

/** The near condition of a filter's top level (or of its top-level $and), if any. */
export function nearConditionOf(filter: Doc): { path: string; spec: NearSpec } | undefined {
  for (const key in filter) {
    const value = filter[key];
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) {
        const found = nearConditionOf(part as Doc);
        if (found) return found;
      }
    } else if (!key.startsWith('$') && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const operand = (value as Doc).$nearSphere ?? (value as Doc).$near;
      if (operand !== undefined) return { path: key, spec: nearSpec(operand) };
    }
  }
  return undefined;
}

function valueAt(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Doc)[part];
  }
  return value;
}

function setAt(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let holder = doc;
  for (const part of parts.slice(0, -1)) {
    const next = holder[part];
    holder[part] = next !== null && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Doc) } : {};
    holder = holder[part] as Doc;
  }
  holder[parts[parts.length - 1]!] = value;
}

/** The first top-level field holding a GeoJSON point: the stage's key when none is named (CloudBase needs one geo index then). */
function firstPointField(doc: Doc): string | undefined {
  for (const key in doc) if (storedPoint(doc[key]) && !Array.isArray(doc[key])) return key;
  return undefined;
}

export interface GeoNearStage {
  /** The stage's `query`, for the store to narrow candidates with. */
  query: Doc;
  /** Candidates (already matching `query`) to the stage's output. */
  run(docs: Doc[]): Doc[];
}

export function geoNearStage(raw: unknown): GeoNearStage {
  const spec = (raw ?? {}) as Doc;
  if (typeof spec.distanceField !== 'string' || spec.distanceField.length === 0) {
    throw new DbError(DbErrorCodes.invalidParam, '$geoNear requires distanceField');
  }
  const distanceField = spec.distanceField;
  // Distances, bounds and all in metres from a GeoJSON point, in radians from a legacy pair.
  const { center, perRadian } = geoNearOrigin(spec.near);
  const min = typeof spec.minDistance === 'number' ? spec.minDistance : 0;
  const max = typeof spec.maxDistance === 'number' ? spec.maxDistance : Infinity;
  const multiplier = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1;
  const key = typeof spec.key === 'string' ? spec.key : undefined;
  const includeLocs = typeof spec.includeLocs === 'string' ? spec.includeLocs : undefined;
  const query = spec.query !== null && typeof spec.query === 'object' ? (spec.query as Doc) : {};
  return {
    query,
    run(docs) {
      const found: Array<{ doc: Doc; d: number; location: unknown }> = [];
      for (const doc of docs) {
        const field = key ?? firstPointField(doc);
        if (!field) continue;
        const location = valueAt(doc, field);
        const point = storedPoint(location);
        if (!point) continue;
        const d = angleBetween(center, point) * perRadian;
        if (d < min || d > max) continue;
        found.push({ doc, d, location });
      }
      found.sort((a, b) => a.d - b.d);
      return found.map(({ doc, d, location }) => {
        const out = { ...doc };
        setAt(out, distanceField, d * multiplier);
        if (includeLocs) setAt(out, includeLocs, location);
        return out;
      });
    },
  };
}

/** Rows nearest first by the point at `path` (a stable sort: ties keep their order). */
export function byDistance<R extends { doc: Doc }>(rows: R[], path: string, near: NearSpec): R[] {
  const distance = (doc: Doc) => {
    const value = valueAt(doc, path);
    const points = Array.isArray(value) && storedPoint(value) === undefined ? value.map(storedPoint) : [storedPoint(value)];
    return Math.min(...points.map((p) => (p ? distanceMeters(near.center, p) : Infinity)));
  };
  return rows.map((row) => ({ row, d: distance(row.doc) })).sort((a, b) => a.d - b.d).map(({ row }) => row);
}
