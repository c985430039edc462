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
  /** The 12-digit statistical division code (统计用区划代码), once imported from a file. */
  code?: string | null;
  /** 城乡分类代码 of a community/village (111 主城区 … 220 村庄), and whether it is urban (1xx). */
  urbanRuralCode?: string | null;
  urban?: boolean | null;
  /** A community's grid areas (网格), as imported; volunteers and roll-calls choose from them. */
  gridAreas?: string[];
}

/** What an import writes on a node (everything but the id). */
export type RegionFields = Omit<RegionDoc, '_id'>;

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

/** Creates a region node with a chosen id. */
export async function createRegion(id: string, fields: RegionFields): Promise<void> {
  await regions().doc(id).set(fields);
}

/** Changes some fields of a region node. */
export async function updateRegion(id: string, fields: Partial<RegionFields>): Promise<void> {
  await regions().doc(id).update(fields);
}

/**
 * How many groups belong to each region node of a county (by community, and by street for
 * hub organizations): two aggregates, whatever the county's size.
 */
export async function groupCountsByRegion(countyId: string): Promise<Map<string, number>> {
  const $ = database().command.aggregate;
  const groups = () => database().collection(Collections.groups);
  const [byCommunity, byStreet] = (await Promise.all([
    groups().aggregate().match({ countyId }).group({ _id: '$communityId', n: $.sum(1) }).end(),
    groups().aggregate().match({ countyId }).group({ _id: '$streetId', n: $.sum(1) }).end(),
  ])) as Array<{ data: Array<{ _id: string | null; n: number }> }>;
  const counts = new Map<string, number>();
  let all = 0;
  for (const row of byCommunity!.data) if (row._id) counts.set(row._id, row.n);
  for (const row of byStreet!.data) {
    all += row.n;
    // A street's own count is every group under it (its communities' and its hubs').
    if (row._id) counts.set(row._id, row.n);
  }
  counts.set(countyId, all);
  return counts;
}

/** Forgets the cached directory, so this instance sees a tree it has just changed. */
export function forgetRegionDirectory(): void {
  directory = undefined;
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
