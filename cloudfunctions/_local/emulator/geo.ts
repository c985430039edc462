/**
 * Geo queries as CloudBase answers them (MongoDB 2dsphere semantics over GeoJSON, which
 * node-sdk's `db.Geo.*` types serialise to — @cloudbase/database serializer/query.js turns
 * `geoNear` into `$nearSphere: { $geometry, $maxDistance, $minDistance }` and `geoWithin` into
 * `$geoWithin: { $geometry }` or `$geoWithin: { $centerSphere: [[lng, lat], radians] }`).
 *
 * Distances are great-circle distances on a sphere of MongoDB's earth radius (6378.1 km) taken
 * as S2 takes them (the angle between unit vectors by atan2), so a `geoNear` stage's distance
 * field equals CloudBase's to the last digit. Polygons are tested with their edges as straight
 * lines in longitude/latitude (MongoDB's are geodesics): the same answer for the small areas a
 * neighbourhood app asks about, not for polygons spanning hundreds of kilometres.
 */
import { DbError, DbErrorCodes } from './errors';
import type { Doc } from './values';

/** MongoDB's kRadiusOfEarthInMeters. */
export const EARTH_RADIUS_M = 6_378_100;

export type LngLat = [number, number];

function isLngLat(value: unknown): value is LngLat {
  return Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}

function checkPoint([lng, lat]: LngLat): LngLat {
  if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) {
    throw new DbError(DbErrorCodes.invalidParam, `invalid coordinates [${lng}, ${lat}]: longitude must be within ±180 and latitude within ±90`);
  }
  return [lng, lat];
}

/**
 * A legacy coordinate pair: `[lng, lat]`, or a document of two numbers, the first the longitude
 * (MongoDB's "legacy coordinate pairs" — node-sdk 2.x's @cloudbase/database 1.4.0 sends the
 * aggregate geoNear's `near` as `{ longitude, latitude }`, its `Point` flattened by filterUndefined).
 */
function legacyPairOf(value: unknown): LngLat | undefined {
  if (isLngLat(value)) return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'type' in value) return undefined;
  const numbers = Object.values(value);
  return numbers.length === 2 && isLngLat(numbers) ? numbers : undefined;
}

/** A query's point: GeoJSON `{type: 'Point', coordinates}` or a legacy coordinate pair. */
export function pointOf(value: unknown): LngLat {
  const pair = legacyPairOf(value);
  if (pair) return checkPoint(pair);
  const geometry = value as { type?: unknown; coordinates?: unknown } | null;
  if (geometry && geometry.type === 'Point' && isLngLat(geometry.coordinates)) return checkPoint(geometry.coordinates);
  throw new DbError(DbErrorCodes.invalidParam, 'a geo point must be a GeoJSON Point or a legacy pair [longitude, latitude]');
}

/**
 * The origin of a `$geoNear` stage and the length of one radian in its distances: metres (the
 * earth's radius) from a GeoJSON point, radians (1) from a legacy pair — MongoDB's `$geoNear`
 * reference: distances and bounds "in meters if the specified point is GeoJSON and in radians if
 * the specified point is legacy coordinate pairs" (node-sdk 2.x multiplies them by 6378100 itself).
 */
export function geoNearOrigin(value: unknown): { center: LngLat; perRadian: number } {
  const pair = legacyPairOf(value);
  return pair ? { center: checkPoint(pair), perRadian: 1 } : { center: pointOf(value), perRadian: EARTH_RADIUS_M };
}

function unitVector([lng, lat]: LngLat): [number, number, number] {
  const phi = lat * (Math.PI / 180);
  const theta = lng * (Math.PI / 180);
  const c = Math.cos(phi);
  return [Math.cos(theta) * c, Math.sin(theta) * c, Math.sin(phi)];
}

/** The angle between two points on the sphere, in radians (S2's S1Angle of two S2Points). */
export function angleBetween(a: LngLat, b: LngLat): number {
  const [ax, ay, az] = unitVector(a);
  const [bx, by, bz] = unitVector(b);
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz);
}

export function distanceMeters(a: LngLat, b: LngLat): number {
  return angleBetween(a, b) * EARTH_RADIUS_M;
}

/** Every position of a stored geometry (a Point's one, a Polygon's ring vertices, …). */
export function positionsOf(value: unknown): LngLat[] | undefined {
  if (isLngLat(value)) return [value];
  const geometry = value as { type?: unknown; coordinates?: unknown } | null;
  if (!geometry || typeof geometry !== 'object' || typeof geometry.type !== 'string' || !Array.isArray(geometry.coordinates)) return undefined;
  const out: LngLat[] = [];
  const walk = (node: unknown): void => {
    if (isLngLat(node)) out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
  };
  walk(geometry.coordinates);
  return out.length > 0 ? out : undefined;
}

/** The stored point of a document's field value (GeoJSON Point or legacy pair), if it is one. */
export function storedPoint(value: unknown): LngLat | undefined {
  if (isLngLat(value)) return value;
  const geometry = value as { type?: unknown; coordinates?: unknown } | null;
  return geometry && geometry.type === 'Point' && isLngLat(geometry.coordinates) ? geometry.coordinates : undefined;
}

type Ring = LngLat[];

function insideRing([x, y]: LngLat, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Polygons of a query geometry: each its outer ring followed by its holes. */
function polygonsOf(geometry: { type?: unknown; coordinates?: unknown }): Ring[][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][];
  throw new DbError(DbErrorCodes.invalidParam, `$geometry must be a Polygon or MultiPolygon, not ${String(geometry.type)}`);
}

function insidePolygons(point: LngLat, polygons: Ring[][]): boolean {
  return polygons.some(([outer, ...holes]) => outer !== undefined && insideRing(point, outer) && !holes.some((hole) => insideRing(point, hole)));
}

/** A bounding box in degrees; longitudes unbounded when the area reaches a pole or the antimeridian. */
export interface Box {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

/** The box around a circle of `radians` around `center` (a superset of it, for SQL prefilters). */
export function boxAround([lng, lat]: LngLat, radians: number): Box {
  const dLat = radians * (180 / Math.PI);
  const minLat = lat - dLat;
  const maxLat = lat + dLat;
  if (minLat <= -90 || maxLat >= 90) return { minLng: -180, maxLng: 180, minLat: Math.max(minLat, -90), maxLat: Math.min(maxLat, 90) };
  const dLng = Math.asin(Math.min(1, Math.sin(radians) / Math.cos(lat * (Math.PI / 180)))) * (180 / Math.PI);
  if (lng - dLng < -180 || lng + dLng > 180) return { minLng: -180, maxLng: 180, minLat, maxLat };
  // A hair of slack so rounding never drops a point on the circle.
  const e = 1e-9;
  return { minLng: lng - dLng - e, maxLng: lng + dLng + e, minLat: minLat - e, maxLat: maxLat + e };
}

/** A compiled `$geoWithin` operand: the test and a box for SQL to narrow candidates with. */
export interface GeoRegion {
  contains(point: LngLat): boolean;
  box: Box;
}

export function withinRegion(operand: unknown): GeoRegion {
  const spec = (operand ?? {}) as Doc;
  if ('$centerSphere' in spec) {
    const value = spec.$centerSphere;
    if (!Array.isArray(value) || value.length !== 2 || typeof value[1] !== 'number' || !(value[1] >= 0)) {
      throw new DbError(DbErrorCodes.invalidParam, '$centerSphere takes [[longitude, latitude], radius in radians]');
    }
    const center = pointOf(value[0]);
    const radians = value[1];
    return { contains: (point) => angleBetween(center, point) <= radians, box: boxAround(center, radians) };
  }
  if ('$geometry' in spec) {
    const polygons = polygonsOf((spec.$geometry ?? {}) as Doc);
    const all = polygons.flat(2);
    if (all.length === 0 || !all.every(isLngLat)) throw new DbError(DbErrorCodes.invalidParam, 'a polygon needs closed rings of [longitude, latitude]');
    const lngs = all.map((p) => p[0]);
    const lats = all.map((p) => p[1]);
    return {
      contains: (point) => insidePolygons(point, polygons),
      box: { minLng: Math.min(...lngs), maxLng: Math.max(...lngs), minLat: Math.min(...lats), maxLat: Math.max(...lats) },
    };
  }
  throw new DbError(DbErrorCodes.invalidParam, '$geoWithin takes $geometry or $centerSphere');
}

/** A compiled `$nearSphere`/`$near` operand. */
export interface NearSpec {
  center: LngLat;
  minMeters: number;
  maxMeters: number;
}

export function nearSpec(operand: unknown): NearSpec {
  const spec = (operand ?? {}) as Doc;
  const number = (value: unknown, fallback: number) => (typeof value === 'number' ? value : value === undefined || value === null ? fallback : NaN);
  if ('$geometry' in spec) {
    const near = { center: pointOf(spec.$geometry), minMeters: number(spec.$minDistance, 0), maxMeters: number(spec.$maxDistance, Infinity) };
    if (Number.isNaN(near.minMeters) || Number.isNaN(near.maxMeters)) throw new DbError(DbErrorCodes.invalidParam, '$minDistance and $maxDistance must be numbers');
    return near;
  }
  // Legacy pair: distances in radians.
  const center = pointOf(operand);
  return { center, minMeters: 0, maxMeters: Infinity };
}

/** Whether a stored value lies within the region (every position of a non-point geometry). */
export function valueWithin(value: unknown, region: GeoRegion): boolean {
  const positions = positionsOf(value);
  return positions !== undefined && positions.every((p) => region.contains(p));
}

/** `$geoIntersects` for the stored shapes the app keeps: any position inside the query's polygon, or equal to its point. */
export function valueIntersects(value: unknown, operand: unknown): boolean {
  const geometry = ((operand ?? {}) as Doc).$geometry as { type?: unknown; coordinates?: unknown } | undefined;
  if (!geometry) throw new DbError(DbErrorCodes.invalidParam, '$geoIntersects takes $geometry');
  const positions = positionsOf(value);
  if (!positions) return false;
  if (geometry.type === 'Point') {
    const [lng, lat] = pointOf(geometry);
    return positions.some((p) => p[0] === lng && p[1] === lat);
  }
  const polygons = polygonsOf(geometry);
  return positions.some((p) => insidePolygons(p, polygons));
}
