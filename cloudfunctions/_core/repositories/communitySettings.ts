/**
 * Volunteer-service settings of a region: star thresholds, credit expiry, the default credit
 * rate of self-reported hours, and time-bank mode. A community inherits what it does not set
 * from its street, then its county, then the national defaults.
 */
import { database } from '../runtime/cloudbase';
import { Collections } from './collections';
import { regionDirectory } from './regions';

export interface SettingsDoc {
  _id: string;
  timeBank?: boolean;
  starThresholds?: number[];
  creditExpiryYears?: number;
  selfReportCreditsPerHour?: number;
  updatedBy: string;
  updatedAt: Date;
}

export interface Settings {
  timeBank: boolean;
  /** Cumulative hours for 1–5 stars (志愿者星级). */
  starThresholds: number[];
  creditExpiryYears: number;
  selfReportCreditsPerHour: number;
}

export const DEFAULT_SETTINGS: Settings = { timeBank: false, starThresholds: [100, 300, 600, 1000, 1500], creditExpiryYears: 3, selfReportCreditsPerHour: 10 };

export const settingsCollection = () => database().collection(Collections.communitySettings);

/** The settings in force for a region (nearest setting wins). */
export async function settingsFor(regionId: string | null): Promise<Settings> {
  if (!regionId) return DEFAULT_SETTINGS;
  const region = (await regionDirectory()).get(regionId);
  const chain = [regionId, ...(region ? [...region.ancestorIds].reverse() : [])];
  const _ = database().command;
  const { data } = await settingsCollection()
    .where({ _id: _.in(chain) })
    .get();
  const byId = new Map((data as SettingsDoc[]).map((doc) => [doc._id, doc]));
  const pick = <K extends keyof Settings>(field: K): Settings[K] => {
    for (const id of chain) {
      const value = byId.get(id)?.[field];
      if (value !== undefined) return value as Settings[K];
    }
    return DEFAULT_SETTINGS[field];
  };
  return {
    timeBank: pick('timeBank'),
    starThresholds: pick('starThresholds'),
    creditExpiryYears: pick('creditExpiryYears'),
    selfReportCreditsPerHour: pick('selfReportCreditsPerHour'),
  };
}

/** Stars earned by a total of minutes, and the hours the next star needs (null at five). */
export function starsOf(totalMinutes: number, thresholds: number[]): { stars: number; nextStarHours: number | null } {
  const hours = totalMinutes / 60;
  const stars = thresholds.filter((threshold) => hours >= threshold).length;
  return { stars, nextStarHours: thresholds[stars] ?? null };
}

/** What a region set itself, as written: the document without its id (the id is the region's). */
export type OwnSettings = Omit<SettingsDoc, '_id'>;

/** The settings a region set itself (not inherited), or null. */
export async function ownSettingsOf(regionId: string): Promise<OwnSettings | null> {
  const { data } = await settingsCollection().doc(regionId).get();
  const doc = data[0] as SettingsDoc | undefined;
  if (!doc) return null;
  // The id is the document's key, not a setting: what is written back whole must not carry it — the SDK's
  // doc().set() refuses data holding `_id` (@cloudbase/database dist/commonjs/document.js: '不能更新_id的值').
  const { _id: _key, ...own } = doc;
  return own;
}

/** Writes a region's own settings whole. */
export async function putSettings(regionId: string, settings: OwnSettings): Promise<void> {
  await settingsCollection().doc(regionId).set(settings);
}
