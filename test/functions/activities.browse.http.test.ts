/**
 * Browsing activities under CloudBase's model (the local cloud's default): a page of cards costs
 * two sequential round trips — the caller's mark, then the page, its count and her sign-ups in
 * the same window side by side — and what the cards say of her sign-ups stays true when a leader
 * moves an activity (a sign-up's start follows its activity's).
 */
import type { ActivityCard, ActivityDetail } from '../../src/shared/schemas/activities';
import { createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud, functionUsageOf } from '../support/localCloud';

let cloud: RunningCloud;
let db: Db;
beforeAll(async () => {
  cloud = await startCloud();
  db = databaseOf(cloud);
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

const usageOf = (fn: string) => functionUsageOf(cloud.url, fn);

test('a page of activities costs two round trips, and a moved activity still shows her sign-up', async () => {
  const leader = await Client.signIn(cloud.url, 'browse-leader');
  const groupId = await createGroup(db, { leader: 'browse-leader' });
  const input = {
    groupId,
    title: '社区读书会',
    description: '每周一次，一起读一本好书，欢迎街坊参加。',
    category: 'culture',
    startAt: inHours(30),
    endAt: inHours(32),
    location: { name: '北苑社区图书角', address: '北苑路 3 号' },
    capacity: 5,
  };
  const { ids } = await dataOf<{ ids: string[] }>(leader.call('activities', 'activities.create', input));
  const activityId = ids[0]!;
  const resident = await Client.signIn(cloud.url, 'browse-resident');
  await dataOf(resident.call('account', 'account.updateProfile', { homeCommunityId: (await db.collection('groups').doc(groupId).get()).data[0].communityId }));
  await dataOf(resident.call('signups', 'signups.create', { activityId }));

  // The leader moves it a day later: her sign-up moves with it, and the card still says so.
  await dataOf<ActivityDetail>(leader.call('activities', 'activities.update', { ...input, groupId: undefined, activityId, startAt: inHours(54), endAt: inHours(56) }));
  const { data: moved } = await db.collection('signups').where({ activityId }).get();
  expect(new Date((moved[0] as { startAt: Date }).startAt).toISOString()).toBe(new Date((await db.collection('activities').doc(activityId).get()).data[0].startAt).toISOString());
  const list = (body: Record<string, unknown>) => dataOf<{ items: ActivityCard[] }>(resident.call('activities', 'activities.list', body, null));
  const day = new Date(Date.now() + 54 * HOUR + 8 * HOUR).toISOString().slice(0, 10);
  for (const body of [{ groupId }, { area: 'community' }, { area: 'community', day }]) {
    const card = (await list(body)).items.find((item) => item.id === activityId);
    expect({ body, status: card?.mySignup?.status, group: card?.groupName }).toEqual({ body, status: 'confirmed', group: expect.stringMatching(/./) });
  }

  // Warm instances, then five pages one after another: two sequential round trips each.
  await list({ area: 'nearby' });
  const before = await usageOf('activities');
  for (let i = 0; i < 5; i += 1) await list({ area: 'nearby' });
  const after = await usageOf('activities');
  expect({ calls: after.calls - before.calls, trips: (after.cloudTrips - before.cloudTrips) / 5 }).toEqual({ calls: 5, trips: 2 });
});
