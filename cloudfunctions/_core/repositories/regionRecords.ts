/**
 * A region's records by kind — its groups, activities and volunteer hours — counted and paged
 * by id for the staff exports (a background job reads a county's rows a slice at a time).
 */
import type { ActivityDoc } from './activities';
import { Collections } from './collections';
import { countOf } from './figures';
import type { GroupDoc } from './groups';
import type { HourRecordDoc } from './hourRecords';
import { pageAfter } from './idPages';

const COLLECTION_OF = { groups: Collections.groups, activities: Collections.activities, hours: Collections.hourRecords } as const;

/** The kinds of records a region has. */
export type RegionRecordKind = keyof typeof COLLECTION_OF;

interface RecordOf {
  groups: GroupDoc;
  activities: ActivityDoc;
  hours: HourRecordDoc;
}

/** The field that places a record in a region of that level. */
export type RegionField = 'communityId' | 'streetId' | 'countyId';

/** How many records of a kind a region holds. */
export async function countRegionRecords(kind: RegionRecordKind, field: RegionField, regionId: string): Promise<number> {
  return countOf(COLLECTION_OF[kind], { [field]: regionId });
}

/** Up to `limit` of a region's records of a kind after the id `after` (null: from the start), in id order. */
export async function regionRecordsAfter<K extends RegionRecordKind>(kind: K, field: RegionField, regionId: string, after: string | null, limit: number): Promise<Array<RecordOf[K]>> {
  return pageAfter<RecordOf[K]>(COLLECTION_OF[kind], { [field]: regionId }, after, limit);
}

/** The level field of a region: where its records say they belong. */
export function fieldOf(region: { level: 'community' | 'street' | 'county' }): RegionField {
  return region.level === 'community' ? 'communityId' : region.level === 'street' ? 'streetId' : 'countyId';
}
