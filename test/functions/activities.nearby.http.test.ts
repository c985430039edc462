/**
 * Nearest-first discovery over HTTP: `activities.list` with `near` answers activities with
 * coordinates by great-circle distance (CloudBase's geoNear over the `geo` point), then those
 * without coordinates soonest first, with the paging contract of every list; editing a place
 * moves the activity; a bad place is INVALID_INPUT.
 */
import type { ActivityCard } from '../../src/shared/schemas/activities';
import { createGroup, databaseOf } from '../support/fixtures';
import { Client, cloudSuite, dataOf } from '../support/localCloud';

const suite = cloudSuite();

const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const HERE = { latitude: 30, longitude: 120 };

/** Haversine on CloudBase's sphere (6,378.1 km): an independent check of the distances answered. */
function metresFromHere(latitude: number, longitude: number): number {
  const rad = Math.PI / 180;
  const dLat = (latitude - HERE.latitude) * rad;
  const dLng = (longitude - HERE.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(HERE.latitude * rad) * Math.cos(latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_378_100 * Math.asin(Math.sqrt(h));
}

interface Place {
  title: string;
  hours: number;
  at: { latitude: number; longitude: number } | null;
}

function activityInput(groupId: string, place: Place) {
  return {
    groupId,
    title: place.title,
    description: '邻里活动，欢迎街坊邻居一起参加，自带水杯。',
    category: 'culture',
    startAt: inHours(place.hours),
    endAt: inHours(place.hours + 1),
    location: { name: `${place.title}地点`, address: '城关街道北苑路 8 号', latitude: place.at?.latitude ?? null, longitude: place.at?.longitude ?? null },
    capacity: 5,
  };
}

type Page = { items: ActivityCard[]; total: number; hasMore: boolean };

test('nearest first with distances in metres, paged, those without coordinates last; edits move an activity', async () => {
  const leader = await Client.signIn(suite.cloud.url, 'near-leader');
  // Not 北苑: the second test lists 北苑's seeded activities alone.
  const groupId = await createGroup(databaseOf(suite.cloud), { leader: 'near-leader', communityId: 'cm-xinghua' });
  const places: Place[] = [
    { title: '太极晨练一', hours: 30, at: { latitude: 30.001, longitude: 120 } }, // ≈ 111 m north
    { title: '太极晨练二', hours: 26, at: { latitude: 30.01, longitude: 120 } }, // ≈ 1.1 km north
    { title: '书法小课', hours: 28, at: { latitude: 30, longitude: 120.003 } }, // ≈ 289 m east
    { title: '社区电影', hours: 48, at: null },
    { title: '读书分享', hours: 24, at: null },
  ];
  const ids = new Map<string, string>();
  for (const place of places) {
    const created = await dataOf<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, place)));
    ids.set(place.title, created.ids[0]!);
  }
  const list = (input: Record<string, unknown>) => dataOf<Page>(leader.call('activities', 'activities.list', { groupId, near: HERE, ...input }, null));
  const titles = (page: Page) => page.items.map((i) => i.title);

  const all = await list({});
  expect(titles(all)).toEqual(['太极晨练一', '书法小课', '太极晨练二', '读书分享', '社区电影']);
  expect(all).toMatchObject({ total: 5, hasMore: false });
  for (const item of all.items) {
    const place = places.find((p) => p.title === item.title)!;
    if (place.at === null) expect(item.distanceMeters).toBeNull();
    else expect(Math.abs(item.distanceMeters! - metresFromHere(place.at.latitude, place.at.longitude))).toBeLessThanOrEqual(1);
  }
  expect(all.items.slice(0, 3).map((i) => i.distanceMeters)).toEqual([111, 289, 1113]);

  // Paging keeps the one order across pages, the page crossing into the unlocated ones included.
  const pages = [await list({ offset: 0, limit: 2 }), await list({ offset: 2, limit: 2 }), await list({ offset: 4, limit: 2 })];
  expect(pages.map(titles)).toEqual([['太极晨练一', '书法小课'], ['太极晨练二', '读书分享'], ['社区电影']]);
  expect(pages.map((p) => [p.total, p.hasMore])).toEqual([[5, true], [5, true], [5, false]]);
  expect(titles(await list({ offset: 3, limit: 1 }))).toEqual(['读书分享']);
  expect(titles(await list({ offset: 5, limit: 2 }))).toEqual([]);

  // The list's own filters still apply.
  expect(titles(await list({ q: '太极' }))).toEqual(['太极晨练一', '太极晨练二']);
  // Without `near`: soonest first, no distances.
  const soonest = await dataOf<Page>(leader.call('activities', 'activities.list', { groupId }, null));
  expect(titles(soonest)).toEqual(['读书分享', '太极晨练二', '书法小课', '太极晨练一', '社区电影']);
  expect(soonest.items.every((i) => i.distanceMeters === undefined)).toBe(true);

  // Editing the place keeps the geo point in step: 读书分享 gets coordinates, 太极晨练一 loses them.
  const edit = async (title: string, at: Place['at']) => {
    const place = places.find((p) => p.title === title)!;
    const { groupId: _group, ...input } = activityInput(groupId, { ...place, at });
    await dataOf(leader.call('activities', 'activities.update', { ...input, activityId: ids.get(title)! }));
  };
  await edit('读书分享', { latitude: 30.0005, longitude: 120 });
  await edit('太极晨练一', null);
  const moved = await list({});
  expect(titles(moved)).toEqual(['读书分享', '书法小课', '太极晨练二', '太极晨练一', '社区电影']);
  expect(moved.items.map((i) => i.distanceMeters)).toEqual([56, 289, 1113, null, null]);
});

test('a place out of range or of the wrong shape is INVALID_INPUT', async () => {
  const resident = await Client.signIn(suite.cloud.url, 'near-resident');
  await resident.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' });
  for (const near of [
    { latitude: 91, longitude: 120 },
    { latitude: 30, longitude: -180.5 },
    { latitude: '30', longitude: 120 },
    { latitude: 30 },
    { latitude: 30, longitude: 120, radius: 5 },
    null,
  ]) {
    const answer = await resident.call('activities', 'activities.list', { near }, null);
    expect([answer.status, !answer.body.ok && answer.body.error.code]).toEqual([400, 'INVALID_INPUT']);
  }
  // A valid place over the seeded community (no activity there has coordinates) still lists them all.
  const seeded = await dataOf<Page>(resident.call('activities', 'activities.list', { area: 'community', near: HERE }, null));
  const plain = await dataOf<Page>(resident.call('activities', 'activities.list', { area: 'community' }, null));
  expect(seeded.total).toBe(plain.total);
  expect(seeded.items.map((i) => i.id)).toEqual(plain.items.map((i) => i.id));
  expect(seeded.items.every((i) => i.distanceMeters === null)).toBe(true);
});
