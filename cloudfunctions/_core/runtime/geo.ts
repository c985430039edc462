/**
 * Great-circle distances as CloudBase (MongoDB's 2dsphere, S2) measures them: a sphere of
 * 6,378.1 km and the angle between unit vectors by atan2 of their cross and dot products, so
 * the metres shown on a card agree with the order `geoNear` answered in.
 */
export const EARTH_RADIUS_M = 6_378_100;

export interface LatLng {
  latitude: number;
  longitude: number;
}

function unitVector({ latitude, longitude }: LatLng): [number, number, number] {
  const phi = latitude * (Math.PI / 180);
  const theta = longitude * (Math.PI / 180);
  const c = Math.cos(phi);
  return [Math.cos(theta) * c, Math.sin(theta) * c, Math.sin(phi)];
}

/** Metres between two places along the earth's surface. */
export function greatCircleMeters(a: LatLng, b: LatLng): number {
  const [ax, ay, az] = unitVector(a);
  const [bx, by, bz] = unitVector(b);
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz) * EARTH_RADIUS_M;
}
