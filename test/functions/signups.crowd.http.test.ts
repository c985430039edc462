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
  // The instance's recent read of the activity decides whether a newcomer gets a head start; a
  // minute instead of a second keeps the counts below from depending on how fast this machine is.
  cloud = await startCloud({ env: { LINLI_RECENT_READ_MS: '60000' } });
  db = databaseOf(cloud);
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

const usageOf = (fn: string) => functionUsageOf(cloud.url, fn);

/** The activity's line counters and the waitlisted sign-ups they count. */
async function lineOf(activityId: string) {
  const { data } = await db.collection('activities').doc(activityId).get();
  const activity = data[0] as { waitlistCount: number; confirmedCount: number };
  const { data: waiting } = await db.collection('signups').where({ activityId, status: 'waitlisted' }).get();
  return { waitlistCount: activity.waitlistCount, confirmedCount: activity.confirmedCount, waiting: waiting.length };
}

test('a retry of a queued newcomer is answered from her sign-up: the same answer, no stored record, the same id with other input refused', async () => {
  const groupId = await createGroup(db, { leader: 'crowd-leader' });
  const activityId = await createActivity(db, groupId, 'crowd-leader', { capacity: 1, startsInHours: 48 });
  const [first, second, newcomer] = await Promise.all(['crowd-1', 'crowd-2', 'crowd-3'].map((openid) => Client.signIn(cloud.url, openid)));
  expect((await first!.call('signups', 'signups.create', { activityId })).body).toMatchObject({ ok: true, data: { mySignup: { status: 'confirmed' } } });
  expect((await second!.call('signups', 'signups.create', { activityId })).body).toMatchObject({ ok: true, data: { mySignup: { status: 'waitlisted' } } });

  const requestId = newcomer!.nextRequestId();
  const firstSend = await usageOf('signups');
  const answer = await newcomer!.call('signups', 'signups.create', { activityId }, requestId);
  const firstSent = await usageOf('signups');
  expect(answer.body).toMatchObject({ ok: true, data: { mySignup: { status: 'waitlisted', waitlistPosition: 2 }, waitlistLength: 2 } });
  // A newcomer who can only queue: her mark and the draw of her place go out together (the head
  // start), then her sign-up — three requests in two round trips.
  expect({ calls: firstSent.calls - firstSend.calls, requests: firstSent.cloudRequests - firstSend.cloudRequests, trips: firstSent.cloudTrips - firstSend.cloudTrips }).toEqual({ calls: 1, requests: 3, trips: 2 });
  expect((firstSent.callsByTrips['2'] ?? 0) - (firstSend.callsByTrips['2'] ?? 0)).toBe(1);
  const { data: signups } = await db.collection('signups').where({ activityId, userId: userIdOf(newcomer!.openid!) }).get();
  expect((signups[0] as { request?: { key: string } }).request?.key).toMatch(/./);
  const { data: records } = await db.collection('idempotency').where({ userId: userIdOf(newcomer!.openid!), action: 'signups.create' }).get();
  expect(records).toEqual([]);

  // Someone else joins: the replay is still the first answer, not the line as it is now.
  const late = await Client.signIn(cloud.url, 'crowd-4');
  expect((await late.call('signups', 'signups.create', { activityId })).body).toMatchObject({ ok: true, data: { waitlistLength: 3 } });
  const before = await usageOf('signups');
  const retry = await newcomer!.raw('signups', { action: 'signups.create', input: { activityId }, requestId, attempt: 2 });
  const after = await usageOf('signups');
  expect(retry.body).toEqual(answer.body);
  // The retry (a resend, as the app's transport says): her mark tried on her user document (it is
  // there: nothing is written) beside the read of her sign-up, which holds the answer to this
  // request for this input — two requests in one round trip, and no head start to undo.
  expect({ calls: after.calls - before.calls, requests: after.cloudRequests - before.cloudRequests, trips: after.cloudTrips - before.cloudTrips }).toEqual({ calls: 1, requests: 2, trips: 1 });

  // A resend with other input under the same id is not answered from the sign-up: refused.
  const resentOther = await newcomer!.raw('signups', { action: 'signups.create', input: { activityId, guardianConsent: true }, requestId, attempt: 2 });
  expect(resentOther.body).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });

  // The same retry sent as if it were a first send: the head start draws a place, the replay gives
  // it back — the same answer, and the line as long as it was.
  const lineBefore = await lineOf(activityId);
  const unflagged = await newcomer!.call('signups', 'signups.create', { activityId }, requestId);
  expect(unflagged.body).toEqual(answer.body);
  expect(await lineOf(activityId)).toEqual(lineBefore);

  const other = await newcomer!.call('signups', 'signups.create', { activityId, guardianConsent: true }, requestId);
  expect(other.body).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });

  // `attempt` is a count of sends or nothing: anything else is a malformed call that changes nothing.
  const lineThen = await lineOf(activityId);
  for (const attempt of [0, 'two', 1.5, 101]) {
    const odd = await late.raw('signups', { action: 'signups.create', input: { activityId }, requestId: late.nextRequestId(), attempt });
    expect(odd.body).toMatchObject({ ok: false, error: { reason: 'request.malformed' } });
  }
  expect(await lineOf(activityId)).toEqual(lineThen);
});

test('a head start the call does not keep is given back: a suspended resident, a second sign-up with a new request id, an activity closed since the read', async () => {
  const groupId = await createGroup(db, { leader: 'undo-leader' });
  const activityId = await createActivity(db, groupId, 'undo-leader', { capacity: 1, startsInHours: 48 });
  const [seated, waiting, suspended, late] = await Promise.all(['undo-1', 'undo-2', 'undo-3', 'undo-4'].map((openid) => Client.signIn(cloud.url, openid)));
  expect((await seated!.call('signups', 'signups.create', { activityId })).body).toMatchObject({ ok: true, data: { mySignup: { status: 'confirmed' } } });
  expect((await waiting!.call('signups', 'signups.create', { activityId })).body).toMatchObject({ ok: true, data: { mySignup: { status: 'waitlisted' } } });
  const line = await lineOf(activityId);
  expect(line).toEqual({ waitlistCount: 1, confirmedCount: 1, waiting: 1 });

  // Suspended after the instance read the activity: the mark refuses her, the draw is undone.
  await db.collection('users').doc(userIdOf(suspended!.openid!)).update({ suspendedUntil: new Date(Date.now() + 86_400_000) });
  const refused = await suspended!.call('signups', 'signups.create', { activityId });
  expect(refused.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await lineOf(activityId)).toEqual(line);

  // Already in line, a second tap with a new request id: the same place, and no second one kept.
  const again = await waiting!.call('signups', 'signups.create', { activityId });
  expect(again.body).toMatchObject({ ok: false });
  expect(await lineOf(activityId)).toEqual(line);

  // Closed since this instance read it: the draw matches nothing, a fresh read says why.
  await db.collection('activities').doc(activityId).update({ signupCloseAt: new Date(Date.now() - 1000) });
  const closed = await late!.call('signups', 'signups.create', { activityId });
  expect(closed.body).toMatchObject({ ok: false, error: { reason: 'signups.closed' } });
  expect(await lineOf(activityId)).toEqual(line);
});
