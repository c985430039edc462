/**
 * The place a resident sorts lists by ("离我最近"): WeChat's map picker on the mini-program,
 * the browser's geolocation on H5. Coordinates are GCJ-02, the datum WeChat's picker answers in
 * and the activity form stores: the browser's WGS-84 fix is converted, since in China the two
 * differ by several hundred metres — as much as the distances shown.
 */
import Taro from '@tarojs/taro';
import { isWeapp } from './platform';

export interface NearPlace {
  latitude: number;
  longitude: number;
  /** What the resident picked on the map; null for "where I am". */
  name: string | null;
}

/** Why no place came back: closed the picker, or no position could be had. */
export type NearPlaceOutcome = { place: NearPlace } | { failed: 'cancelled' | 'unavailable' };

const H5_TIMEOUT_MS = 10_000;

function browserPosition(): Promise<GeolocationPosition | null> {
  const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
  if (!geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(resolve, () => resolve(null), { enableHighAccuracy: false, timeout: H5_TIMEOUT_MS, maximumAge: 5 * 60_000 });
  });
}

/**
 * Asks for a place. `fallback` is the community's default centre, used on H5 when the browser
 * gives no position (refused, no GPS, no HTTPS); with none the answer is `unavailable`.
 */
export async function chooseNearPlace(fallback: NearPlace | null): Promise<NearPlaceOutcome> {
  if (isWeapp) {
    try {
      const picked = await Taro.chooseLocation({});
      return { place: { latitude: picked.latitude, longitude: picked.longitude, name: picked.name || picked.address || null } };
    } catch {
      return { failed: 'cancelled' };
    }
  }
  const position = await browserPosition();
  if (position) return { place: { ...wgs84ToGcj02(position.coords.latitude, position.coords.longitude), name: null } };
  return fallback ? { place: fallback } : { failed: 'unavailable' };
}

// The published GCJ-02 offset (Krasovsky ellipsoid); outside China the datums agree.
const A = 6378245.0;
const EE = 0.00669342162296594323;

function outsideChina(latitude: number, longitude: number): boolean {
  return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
}

function offsetLatitude(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function offsetLongitude(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** A GPS (WGS-84) position as Chinese maps and WeChat's picker give it (GCJ-02). */
export function wgs84ToGcj02(latitude: number, longitude: number): { latitude: number; longitude: number } {
  if (outsideChina(latitude, longitude)) return { latitude, longitude };
  let dLat = offsetLatitude(longitude - 105.0, latitude - 35.0);
  let dLng = offsetLongitude(longitude - 105.0, latitude - 35.0);
  const radLat = (latitude / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { latitude: latitude + dLat, longitude: longitude + dLng };
}
