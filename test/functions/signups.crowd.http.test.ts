/**
 * The sign-up crowd over HTTP, under CloudBase's model (the local cloud's default): a newcomer
 * queued behind others keeps her answer on her sign-up — a retry of her request (same id) is
 * answered from it, byte for byte, without a stored record — and the same id with another input
 * is still refused. The figures the bench reports come from the cloud's own count of each call's
 * requests and round trips (/api/health `functions`), checked here against a call we can count.
 */
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import { createActivity, createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, removeDataDir, startCloud, type RunningCloud, functionUsageOf } from '../support/localCloud';

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

const usageOf = (fn: string) => functionUsageOf(cloud.url, fn);

test('a retry of a queued newcomer is answered from her sign-up: the same answer, no stored record, the same id with other input refused', async () => {
  const groupId = await createGroup(db, { leader: 'crowd-leader' });
  const activityId = await createActivity(db, groupId, 'crowd-leader', { capacity: 1, startsInHours: 48 });
  const [first, second, newcomer] = await Promise.all(['crowd-1', 'crowd-2', 'crowd-3'].map((openid) => Client.signIn(cloud.url, openid)));
  expect((await first!.call('signups', 'signups.create', { activityId })).body).toMatchObject({ ok: true, data: { mySignup: { status: 'confirmed' } } });
  expect((await second!.call('signups', 'signups.create', { activityId })).body).toMatchObject({ ok: true, data: { mySignup: { status: 'waitlisted' } } });

  const requestId = newcomer!.nextRequestId();
  const answer = await newcomer!.call('signups', 'signups.create', { activityId }, requestId);
  expect(answer.body).toMatchObject({ ok: true, data: { mySignup: { status: 'waitlisted', waitlistPosition: 2 }, waitlistLength: 2 } });
  const { data: signups } = await db.collection('signups').where({ activityId, userId: userIdOf(newcomer!.openid!) }).get();
  expect((signups[0] as { request?: { key: string } }).request?.key).toMatch(/./);
  const { data: records } = await db.collection('idempotency').where({ userId: userIdOf(newcomer!.openid!), action: 'signups.create' }).get();
  expect(records).toEqual([]);

  // Someone else joins: the replay is still the first answer, not the line as it is now.
  const late = await Client.signIn(cloud.url, 'crowd-4');
  expect((await late.call('signups', 'signups.create', { activityId })).body).toMatchObject({ ok: true, data: { waitlistLength: 3 } });
  const before = await usageOf('signups');
  const retry = await newcomer!.call('signups', 'signups.create', { activityId }, requestId);
  const after = await usageOf('signups');
  expect(retry.body).toEqual(answer.body);
  // The retry: her mark tried on her user document (it is there: nothing is written), the
  // document read to see why, then her sign-up — three requests, one after the other.
  expect({ calls: after.calls - before.calls, requests: after.cloudRequests - before.cloudRequests, trips: after.cloudTrips - before.cloudTrips }).toEqual({ calls: 1, requests: 3, trips: 3 });

  const other = await newcomer!.call('signups', 'signups.create', { activityId, guardianConsent: true }, requestId);
  expect(other.body).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });
});
