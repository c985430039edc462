/**
 * Round trips of the groups function's nearest-first pages (DESIGN §8: browse actions ≤ 2):
 * `groups.list` with `near`, for a page that runs from the located groups into the unlocated
 * ones — with the `located` hint the previous page answered, the tail is read alongside the
 * located page and the counts, then the cards' memberships. Without the hint (or with a stale
 * one) the order stays right at one more. Its twin for activities: activities.nearestFirst.test.ts.
 */
import { GroupsListInput } from '../../src/shared/schemas/groups';
import { listGroups } from '../../cloudfunctions/_core/commands/groups/list';
import { regionDirectory } from '../../cloudfunctions/_core/repositories/regions';
import { resolveActor } from '../../cloudfunctions/_core/pipeline/actor';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { startCloudForCore } from '../support/coreAgainstCloud';
import { countRoundTrips } from '../support/roundTrips';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  cloud = await startCloudForCore();
  // The region directory is cached per instance; warm it as a running function is.
  await regionDirectory();
});
afterAll(async () => cloud.close());

const HERE = { latitude: 30.35, longitude: 120.1 };

test('groups.list near: a page across the located/unlocated boundary costs 1 round trip with the hint (her memberships read beside it)', async () => {
  const db = database();
  // 杏花村: the seed's 杏花村志愿者协会 has a place; four more with one, four without.
  const docs = Array.from({ length: 8 }, (_, i) => {
    const located = i < 4;
    const place = located ? { name: `活动点${i}`, address: '杏花村', latitude: 30.35 + i * 0.001, longitude: 120.1 } : null;
    return {
      _id: `rt-g-${i}`,
      name: `往返小组${i}`,
      type: 'culture_sports',
      managementLevel: 'community',
      communityId: 'cm-xinghua',
      streetId: 'st-taoyuan',
      countyId: 'cty-linxi',
      description: '用于计数往返的小组。',
      tags: [],
      status: 'active',
      memberCount: 10 - i,
      joinPolicy: 'open',
      place,
      ...(place ? { geo: new db.Geo.Point(place.longitude, place.latitude) } : {}),
    };
  });
  await db.collection('groups').add(docs);
  const actor = await resolveActor('demo-resident');
  const list = (input: Record<string, unknown>) => listGroups(actor, GroupsListInput.parse({ communityId: 'cm-xinghua', area: 'community', near: HERE, ...input }));
  const serviceUrl = process.env.TCB_SERVICE_URL!;

  const first = await countRoundTrips(serviceUrl, () => list({ offset: 0, limit: 4 }));
  expect(first.result.located).toBe(5);
  expect(first.roundTrips).toBeLessThanOrEqual(2);
  const crossing = await countRoundTrips(serviceUrl, () => list({ offset: 4, limit: 4, located: first.result.located }));
  expect(crossing.result.items.map((g) => g.distanceMeters === null)).toEqual([false, true, true, true]);
  expect(crossing.roundTrips).toBe(1);
  const all = await list({ offset: 0, limit: 20 });
  expect(crossing.result.items.map((g) => g.id)).toEqual(all.items.slice(4, 8).map((g) => g.id));

  // Without the hint the same page is right, one round trip slower: what the hint is for.
  const unhinted = await countRoundTrips(serviceUrl, () => list({ offset: 4, limit: 4 }));
  expect(unhinted.result.items.map((g) => g.id)).toEqual(crossing.result.items.map((g) => g.id));
  expect(unhinted.roundTrips).toBe(2);
  console.log(`groups.list near, page across the boundary: ${crossing.roundTrips} round trips / ${crossing.requests} requests with the hint; ${unhinted.roundTrips} / ${unhinted.requests} without; first page ${first.roundTrips} / ${first.requests}`);
});
