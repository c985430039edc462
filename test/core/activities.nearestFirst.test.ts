/**
 * Round trips of the activities function's nearest-first pages (DESIGN §8: browse actions ≤ 2):
 * `activities.list` with `near`, for a page that runs from the located activities into the
 * unlocated ones — with the `located` hint the previous page answered, the tail is read alongside
 * the located page and the counts, then the cards' sign-ups: two. Without the hint (or with a
 * stale one) the order stays right at one more. Its twin for groups: groups.nearestFirst.test.ts.
 */
import { ActivitiesListInput } from '../../src/shared/schemas/activities';
import { listActivities } from '../../cloudfunctions/_core/commands/activities/list';
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
const HOUR = 3600_000;

test('activities.list near: a page across the located/unlocated boundary costs 2 round trips with the hint', async () => {
  const db = database();
  const now = Date.now();
  const docs = Array.from({ length: 6 }, (_, i) => {
    const located = i < 3;
    const location = { name: '活动室', address: '杏花村', latitude: located ? 30.35 + i * 0.001 : null, longitude: located ? 120.1 : null };
    const startAt = new Date(now + (10 + i) * HOUR);
    return {
      _id: `rt-a-${i}`,
      groupId: 'g-xinghua-zhiyuan',
      communityId: 'cm-xinghua',
      streetId: 'st-taoyuan',
      countyId: 'cty-linxi',
      title: `往返活动${i}`,
      description: '用于计数往返的活动。',
      category: 'culture',
      coverImage: null,
      startAt,
      endAt: new Date(startAt.getTime() + HOUR),
      location,
      ...(located ? { geo: new db.Geo.Point(120.1, location.latitude!) } : {}),
      capacity: 10,
      signupOpenAt: new Date(0),
      signupCloseAt: startAt,
      cancelCutoffAt: startAt,
      skills: [],
      minAge: null,
      volunteer: null,
      isVolunteer: false,
      approvalRequired: false,
      offerWindowHours: 12,
      seriesId: null,
      status: 'published',
      cancelReason: null,
      confirmedCount: 0,
      waitlistCount: 0,
      waitSeqNext: 0,
      checkinSecret: 'x',
      createdBy: 'test',
      createdAt: new Date(now),
      updatedAt: new Date(now),
      remindersSent: [],
    };
  });
  await db.collection('activities').add(docs);
  const actor = await resolveActor('demo-resident');
  const list = (input: Record<string, unknown>) =>
    listActivities(actor, ActivitiesListInput.parse({ communityId: 'cm-xinghua', area: 'community', near: HERE, ...input }), new Date(now));
  const serviceUrl = process.env.TCB_SERVICE_URL!;

  const first = await list({ offset: 0, limit: 2 });
  const located = first.located!;
  expect(located).toBeGreaterThanOrEqual(3);
  const offset = located - 1;
  const crossing = await countRoundTrips(serviceUrl, () => list({ offset, limit: 3, located }));
  expect(crossing.result.items.map((a) => a.distanceMeters === null)).toEqual([false, true, true]);
  expect(crossing.roundTrips).toBe(2);
  const unhinted = await countRoundTrips(serviceUrl, () => list({ offset, limit: 3 }));
  expect(unhinted.result.items.map((a) => a.id)).toEqual(crossing.result.items.map((a) => a.id));
  expect(unhinted.roundTrips).toBe(3);
  console.log(`activities.list near, page across the boundary: ${crossing.roundTrips} round trips / ${crossing.requests} requests with the hint; ${unhinted.roundTrips} / ${unhinted.requests} without`);
});
