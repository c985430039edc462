/**
 * Nearest-first group discovery over HTTP: leaders say where their group meets (founding and
 * editing), `groups.list` with `near` answers the groups with a place by great-circle distance,
 * then those without most members first, paged as one list with the `located` hint; a bad
 * place is INVALID_INPUT and changes nothing; the demo seed's groups have places.
 */
import type { GroupCard, GroupDetail } from '../../src/shared/schemas/groups';
import { createGroup, databaseOf } from '../support/fixtures';
import { Client, cloudSuite, dataOf, healthOf } from '../support/localCloud';

const suite = cloudSuite();

const HERE = { latitude: 30.35, longitude: 120.1 };

/** Haversine on CloudBase's sphere (6,378.1 km): an independent check of the distances answered. */
function metresFromHere(latitude: number, longitude: number): number {
  const rad = Math.PI / 180;
  const dLat = (latitude - HERE.latitude) * rad;
  const dLng = (longitude - HERE.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(HERE.latitude * rad) * Math.cos(latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_378_100 * Math.asin(Math.sqrt(h));
}

type Page = { items: GroupCard[]; total: number; hasMore: boolean; located?: number };

const application = (place: unknown) => ({
  name: '石桥村象棋协会',
  type: 'culture_sports',
  managementLevel: 'community',
  communityId: 'cm-shiqiao',
  description: '象棋、围棋，每周二周四下午在村文化礼堂切磋。',
  tags: ['棋牌'],
  contactName: '钱大伯',
  contactPhone: '13912345678',
  joinPolicy: 'open',
  place,
});

test('groups nearest first with distances, those without a place after, most members first; paged with the located hint', async () => {
  const db = databaseOf(suite.cloud);
  const resident = await Client.signIn(suite.cloud.url, 'gnear-resident');
  // 石桥村: the seed's 石桥村平安志愿队 (1 member) has no place.
  const spec = [
    { name: '一号', at: { latitude: 30.351, longitude: 120.1 }, members: 0 }, // ≈ 111 m
    { name: '二号', at: { latitude: 30.35, longitude: 120.104 }, members: 0 }, // ≈ 385 m
    { name: '三号', at: { latitude: 30.362, longitude: 120.1 }, members: 0 }, // ≈ 1.3 km
    { name: '四号', at: null, members: 3 },
    { name: '五号', at: null, members: 0 },
  ];
  const ids = new Map<string, string>();
  for (const group of spec) {
    const id = await createGroup(db, { communityId: 'cm-shiqiao', leader: `gnear-leader-${spec.indexOf(group)}`, members: Array.from({ length: group.members }, (_, i) => `gnear-m-${spec.indexOf(group)}-${i}`) });
    const place = group.at ? { name: `${group.name}活动点`, address: '桃源镇石桥村', ...group.at } : null;
    await db.collection('groups').doc(id).update({ name: `石桥${group.name}队`, ...(place ? { place, geo: new db.Geo.Point(place.longitude, place.latitude) } : {}) });
    ids.set(group.name, id);
  }
  const list = (input: Record<string, unknown>) => dataOf<Page>(resident.call('groups', 'groups.list', { communityId: 'cm-shiqiao', area: 'community', near: HERE, ...input }, null));
  const names = (page: Page) => page.items.map((g) => g.name);

  const all = await list({});
  // 四号 (4 members) before the seed's 平安志愿队 (1) before 五号 (1, a later id than the seed's? ties by id).
  expect(names(all).slice(0, 3)).toEqual(['石桥一号队', '石桥二号队', '石桥三号队']);
  expect(names(all).slice(3)).toEqual(['石桥四号队', ...['石桥村平安志愿队', '石桥五号队'].sort((a, b) => (idOf(all, a) < idOf(all, b) ? -1 : 1))]);
  expect(all).toMatchObject({ total: 6, hasMore: false, located: 3 });
  for (const item of all.items.slice(0, 3)) {
    const at = spec.find((g) => `石桥${g.name}队` === item.name)!.at!;
    expect(Math.abs(item.distanceMeters! - metresFromHere(at.latitude, at.longitude))).toBeLessThanOrEqual(1);
  }
  expect(all.items.slice(0, 3).map((g) => g.distanceMeters)).toEqual(spec.slice(0, 3).map((g) => Math.round(metresFromHere(g.at!.latitude, g.at!.longitude))));
  expect(all.items.slice(3).every((g) => g.distanceMeters === null)).toBe(true);

  // Paging: one order across pages, with and without the hint, the page across the boundary included.
  const first = await list({ offset: 0, limit: 2 });
  expect(first.located).toBe(3);
  const crossing = await list({ offset: 2, limit: 2, located: first.located });
  const last = await list({ offset: 4, limit: 2, located: first.located });
  expect([first, crossing, last].map(names)).toEqual([names(all).slice(0, 2), names(all).slice(2, 4), names(all).slice(4)]);
  expect([first, crossing, last].map((p) => p.hasMore)).toEqual([true, true, false]);
  // A missing or stale hint costs a round trip, never the order.
  expect(names(await list({ offset: 2, limit: 2 }))).toEqual(names(crossing));
  expect(names(await list({ offset: 2, limit: 2, located: 0 }))).toEqual(names(crossing));
  expect(names(await list({ offset: 4, limit: 2, located: 5 }))).toEqual(names(last));

  // Database requests of a crossing page: as many as a first page's (the tail rides along); with or
  // without the hint the same requests are sent — what the hint saves is waiting for the counts
  // first, a round trip (test/core/groups.nearestFirst.test.ts counts those).
  const requestsOf = async (input: Record<string, unknown>) => {
    const before = (await healthOf(suite.cloud.url)).body.database!.requestsAnswered;
    await list(input);
    return (await healthOf(suite.cloud.url)).body.database!.requestsAnswered - before;
  };
  const firstPageRequests = await requestsOf({ offset: 0, limit: 2 });
  expect(await requestsOf({ offset: 2, limit: 2, located: 3 })).toBe(firstPageRequests);
  expect(await requestsOf({ offset: 2, limit: 2 })).toBe(firstPageRequests);

  // Without `near`: most members first, no distances, no hint.
  const plain = await dataOf<Page>(resident.call('groups', 'groups.list', { communityId: 'cm-shiqiao', area: 'community' }, null));
  expect(plain.items[0]!.name).toBe('石桥四号队');
  expect(plain.items.every((g) => g.distanceMeters === undefined)).toBe(true);
  expect(plain.located).toBeUndefined();

  // The leader moves 五号 next to here and takes 一号's place away.
  const leaderOf = async (name: string) => Client.signIn(suite.cloud.url, `gnear-leader-${spec.findIndex((g) => g.name === name)}`);
  await dataOf((await leaderOf('五号')).call('groups', 'groups.update', { groupId: ids.get('五号')!, place: { name: '村口', address: '石桥村村口', latitude: 30.3502, longitude: 120.1 } }));
  await dataOf((await leaderOf('一号')).call('groups', 'groups.update', { groupId: ids.get('一号')!, place: null }));
  const moved = await list({});
  expect(names(moved).slice(0, 3)).toEqual(['石桥五号队', '石桥二号队', '石桥三号队']);
  expect(moved.items.map((g) => g.distanceMeters).slice(0, 3)).toEqual([Math.round(metresFromHere(30.3502, 120.1)), all.items[1]!.distanceMeters, all.items[2]!.distanceMeters]);
  expect(moved.located).toBe(3);
  const detail = await dataOf<GroupDetail>(resident.call('groups', 'groups.get', { groupId: ids.get('五号')! }, null));
  expect(detail.place).toEqual({ name: '村口', address: '石桥村村口', latitude: 30.3502, longitude: 120.1 });
});

function idOf(page: Page, name: string): string {
  return page.items.find((g) => g.name === name)!.id;
}

test('founding with a place stores it; a bad place or near is INVALID_INPUT and writes nothing', async () => {
  const founder = await Client.signIn(suite.cloud.url, 'gnear-founder');
  const applied = await dataOf<GroupDetail>(founder.call('groups', 'groups.found', application({ name: '石桥村文化礼堂', address: '桃源镇石桥村 9 号', latitude: 30.3495, longitude: 120.1003 })));
  expect(applied.place).toEqual({ name: '石桥村文化礼堂', address: '桃源镇石桥村 9 号', latitude: 30.3495, longitude: 120.1003 });
  const stored = (await databaseOf(suite.cloud).collection('groups').doc(applied.id).get()).data[0] as { geo?: object };
  // node-sdk reads a GeoJSON point back as its db.Geo.Point.
  expect(stored.geo).toMatchObject({ latitude: 30.3495, longitude: 120.1003 });

  const countFounded = async () => (await databaseOf(suite.cloud).collection('groups').where({ name: '石桥村象棋协会' }).count()).total;
  const before = await countFounded();
  for (const place of [
    { name: '礼堂', address: '石桥村', latitude: 91, longitude: 120 },
    { name: '礼堂', address: '石桥村', latitude: 30, longitude: '120' },
    { name: '', address: '石桥村', latitude: 30, longitude: 120 },
    { name: '礼堂', address: '石桥村', latitude: 30, longitude: 120, radius: 3 },
  ]) {
    const answer = await founder.call('groups', 'groups.found', application(place));
    expect([answer.status, !answer.body.ok && answer.body.error.code]).toEqual([400, 'INVALID_INPUT']);
  }
  expect(await countFounded()).toBe(before);
  for (const near of [{ latitude: -91, longitude: 0 }, { latitude: 30 }, null]) {
    const answer = await founder.call('groups', 'groups.list', { communityId: 'cm-shiqiao', near }, null);
    expect([answer.status, !answer.body.ok && answer.body.error.code]).toEqual([400, 'INVALID_INPUT']);
  }
  const badHint = await founder.call('groups', 'groups.list', { communityId: 'cm-shiqiao', near: HERE, located: -1 }, null);
  expect([badHint.status, !badHint.body.ok && badHint.body.error.code]).toEqual([400, 'INVALID_INPUT']);
});

test('the demo groups have places: the street nearest first from 北苑中心广场', async () => {
  const resident = await Client.signIn(suite.cloud.url, 'gnear-demo');
  const square = { latitude: 30.27412, longitude: 120.15523 };
  const page = await dataOf<Page>(resident.call('groups', 'groups.list', { communityId: 'cm-beiyuan', area: 'nearby', near: square }, null));
  expect(page.items[0]).toMatchObject({ name: '北苑晨练太极队', distanceMeters: 0 });
  const distances = page.items.map((g) => g.distanceMeters);
  const located = distances.filter((d): d is number => typeof d === 'number');
  expect(located.length).toBeGreaterThanOrEqual(5);
  expect([...located].sort((a, b) => a - b)).toEqual(located);
});
