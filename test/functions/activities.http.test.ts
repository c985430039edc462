/** Activities over HTTP: posting, cancellation, capacity changes, and the activities function's timers (offer expiry, the line's head, reminders). Sign-ups are in signups.http.test.ts. */
import type { ActivityDetail } from '../../src/shared/schemas/activities';
import { activityInput, fireActivitiesTimer, inHours } from '../support/activityInput';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

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

const data = dataOf;
const fire = (timer: string) => fireActivitiesTimer(cloud.url, timer);

test('an offer not confirmed in time expires by the timer and passes to the next person', async () => {
  const leader = await Client.signIn(cloud.url, 'exp-leader');
  const groupId = await createGroup(db, { leader: 'exp-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 1, volunteer: null })));
  const activityId = ids[0]!;
  const [a, b, c] = await Promise.all(['exp-a', 'exp-b', 'exp-c'].map((id) => Client.signIn(cloud.url, id)));
  for (const client of [a, b, c]) await data(client!.call('signups', 'signups.create', { activityId }));
  await data(a!.call('signups', 'signups.cancel', { activityId }));
  expect((await data<ActivityDetail>(b!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('offered');
  await db.collection('signups').where({ activityId, status: 'offered' }).update({ offerExpiresAt: new Date(Date.now() - 1000) });
  expect(await fire('expireOffers')).toMatchObject({ ok: true, result: { expired: 1 } });
  expect((await data<ActivityDetail>(b!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('expired');
  expect((await data<ActivityDetail>(c!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('offered');
  const late = await b!.call('signups', 'signups.confirmOffer', { activityId });
  expect([late.status, !late.body.ok && late.body.error.message]).toEqual([409, '没有待确认的空位']);
});

test('with people in line a newcomer queues behind them, and a seat left free goes to the head of the line by the timer', async () => {
  const leader = await Client.signIn(cloud.url, 'line-leader');
  const groupId = await createGroup(db, { leader: 'line-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 1, volunteer: null })));
  const activityId = ids[0]!;
  const [a, b, c] = await Promise.all(['line-a', 'line-b', 'line-c'].map((id) => Client.signIn(cloud.url, id)));
  await data(a!.call('signups', 'signups.create', { activityId }));
  await data(b!.call('signups', 'signups.create', { activityId }));
  // The race the timer mends: a's seat went back to free in the instant b's claim had failed.
  await db.collection('seats').where({ activityId }).update({ state: 'free', signupId: null });
  await db.collection('signups').where({ activityId, status: 'confirmed' }).update({ status: 'cancelled' });
  await db.collection('activities').doc(activityId).update({ confirmedCount: 0 });
  const queued = await data<{ mySignup: { status: string; waitlistPosition: number | null } }>(c!.call('signups', 'signups.create', { activityId }));
  expect(queued.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
  expect(await fire('expireOffers')).toMatchObject({ ok: true, result: { expired: 0, offered: 1 } });
  expect((await data<ActivityDetail>(b!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('offered');
  expect((await data<ActivityDetail>(c!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('waitlisted');
  expect(await fire('expireOffers')).toMatchObject({ ok: true, result: { expired: 0, offered: 0 } });
});

test('reminders go out 24 h before, once', async () => {
  const leader = await Client.signIn(cloud.url, 'rem-leader');
  const groupId = await createGroup(db, { leader: 'rem-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { startAt: inHours(20), endAt: inHours(21) })));
  const resident = await Client.signIn(cloud.url, 'rem-resident');
  await data(resident.call('signups', 'signups.create', { activityId: ids[0] }));
  const first = await fire('sendReminders');
  expect(first.result.sent).toBeGreaterThanOrEqual(1);
  await fire('sendReminders');
  const inbox = await data<{ items: Array<{ kind: string }> }>(resident.call('inbox', 'inbox.list', {}, null));
  expect(inbox.items.filter((i) => i.kind === 'reminder_24h')).toHaveLength(1);
});

test('cancelling an activity tells everyone signed up; bad times are refused', async () => {
  const leader = await Client.signIn(cloud.url, 'cx-leader');
  const groupId = await createGroup(db, { leader: 'cx-leader' });
  const bad = await leader.call('activities', 'activities.create', activityInput(groupId, { endAt: inHours(47) }));
  expect(!bad.body.ok && bad.body.error.issues).toEqual([{ path: 'endAt', message: '结束时间必须晚于开始时间' }]);
  const past = await leader.call('activities', 'activities.create', activityInput(groupId, { startAt: inHours(-2), endAt: inHours(-1) }));
  expect(!past.body.ok && past.body.error.issues).toEqual([{ path: 'startAt', message: '开始时间必须在将来' }]);
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { repeatWeeks: 3 })));
  expect(ids).toHaveLength(3);
  const resident = await Client.signIn(cloud.url, 'cx-resident');
  await data(resident.call('signups', 'signups.create', { activityId: ids[1] }));
  const cancelled = await data<ActivityDetail>(leader.call('activities', 'activities.cancel', { activityId: ids[1], reason: '天气预报有暴雨' }));
  expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '天气预报有暴雨' });
  const inbox = await data<{ items: Array<{ kind: string; body: string }> }>(resident.call('inbox', 'inbox.list', {}, null));
  expect(inbox.items[0]).toMatchObject({ kind: 'activity_cancelled' });
  expect(inbox.items[0]!.body).toContain('天气预报有暴雨');
});

test('capacity: growing offers the new seats to the line in order; shrinking removes free seats only, never below the people holding one', async () => {
  const leader = await Client.signIn(cloud.url, 'cap-leader');
  const groupId = await createGroup(db, { leader: 'cap-leader' });
  const input = activityInput(groupId, { capacity: 2, volunteer: null });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', input));
  const activityId = ids[0]!;
  const people = await Promise.all(['cap-a', 'cap-b', 'cap-c', 'cap-d'].map((id) => Client.signIn(cloud.url, id)));
  for (const client of people) await data(client.call('signups', 'signups.create', { activityId }));
  const grown = await data<ActivityDetail>(leader.call('activities', 'activities.update', { ...input, groupId: undefined, activityId, capacity: 3 }));
  // The new seat is offered to the head of the line (c), not left free for the crowd.
  expect(grown).toMatchObject({ capacity: 3, seatsLeft: 0, seatsOnOffer: 1, waitlistLength: 1 });
  expect((await data<ActivityDetail>(people[2]!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('offered');
  expect((await data<ActivityDetail>(people[3]!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('waitlisted');
  // Three seats are taken (two held, one offered): a capacity of 2 is refused and nothing changes.
  const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
  const refused = await leader.call('activities', 'activities.update', { ...input, groupId: undefined, activityId, capacity: 2 });
  expect([refused.status, !refused.body.ok && refused.body.error.code]).toEqual([409, 'CONFLICT']);
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);
  // After a cancellation passes a's seat to d, growing to 5 then shrinking to 4 removes a free seat.
  await data(people[0]!.call('signups', 'signups.cancel', { activityId }));
  await data(leader.call('activities', 'activities.update', { ...input, groupId: undefined, activityId, capacity: 5 }));
  const shrunk = await data<ActivityDetail>(leader.call('activities', 'activities.update', { ...input, groupId: undefined, activityId, capacity: 4 }));
  expect(shrunk).toMatchObject({ capacity: 4, seatsLeft: 1 });
  const { data: seatDocs } = await db.collection('seats').where({ activityId }).limit(100).get();
  expect(seatDocs).toHaveLength(4);
});

test('the one timer trigger of activities runs the jobs due at its firing: expireOffers every time', async () => {
  // Whether sendReminders is due too depends on the minute; the dispatcher's choice by schedule
  // is tested with fixed times in test/local/timers.test.ts.
  expect(await fire('everyMinute')).toMatchObject({ ok: true, timer: 'everyMinute', result: { expireOffers: { expired: expect.any(Number) } } });
});
