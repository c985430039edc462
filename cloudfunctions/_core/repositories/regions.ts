/** Regions: county → street/township → community/village, each with its ancestors. */
import { database } from '../runtime/cloudbase';
import { byIds } from './allMatching';
import { Collections } from './collections';

export interface RegionDoc {
  _id: string;
  name: string;
  level: 'county' | 'street' | 'community';
  parentId: string | null;
  /** Ids of the regions above, root first. */
  ancestorIds: string[];
  kind: 'urban' | 'rural' | null;
}

const regions = () => database().collection(Collections.regions);

/** One region by id, or null. */
export async function findRegion(regionId: string): Promise<RegionDoc | null> {
  const { data } = await regions().doc(regionId).get();
  return (data[0] as RegionDoc | undefined) ?? null;
}

/** Regions by ids (missing ones are left out). */
export async function findRegions(regionIds: string[]): Promise<RegionDoc[]> {
  return byIds<RegionDoc>(Collections.regions, regionIds);
}

/** Every region; the tree is small (a county has tens of streets and hundreds of communities). */
export async function allRegions(): Promise<RegionDoc[]> {
  const all: RegionDoc[] = [];
  const pageSize = 1000;
  for (let skip = 0; ; skip += pageSize) {
    const { data } = await regions().orderBy('_id', 'asc').skip(skip).limit(pageSize).get();
    all.push(...(data as RegionDoc[]));
    if (data.length < pageSize) return all;
  }
}

const DIRECTORY_TTL_MS = 60_000;
let directory: { at: number; byId: Map<string, RegionDoc> } | undefined;

/**
 * Every region by id, cached per function instance for a minute: the tree changes rarely and
 * list presenters need a name for every row.
 */
export async function regionDirectory(): Promise<Map<string, RegionDoc>> {
  if (!directory || Date.now() - directory.at > DIRECTORY_TTL_MS) {
    directory = { at: Date.now(), byId: new Map((await allRegions()).map((r) => [r._id, r])) };
  }
  return directory.byId;
}
