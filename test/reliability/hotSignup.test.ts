/**
 * The hot sign-up: 2,000 residents plus 20 % duplicate retries (same requestId) released
 * together on 50 seats — exactly 50 confirmed, each person once, retries get the original
 * result, the rest waitlisted first-in first-out — then random cancellations, offers, offer
 * confirmations and expiries running together, after which the seat invariants still hold.
 */
import type { ActivityDetail } from '../../src/shared/schemas/activities';
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import { allDocsOf, createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, removeDataDir, startCloud, type CallResult, type RunningCloud } from '../support/localCloud';

const RESIDENTS = 2000;
const SEATS = 50;
const HOUR = 3600_000;

let cloud: RunningCloud;
let db: Db;
beforeAll(async () => {
  cloud = await startCloud();
  db = databaseOf(cloud);
}, 120_000);
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

interface SignupRow {
  _id: string;
  userId: string;
  status: string;
  waitSeq: number | null;
}

const allDocs = <T>(collection: string, where: Record<string, unknown>) => allDocsOf<T>(db, collection, where);

/** The invariants of one activity's seats and sign-ups. */
async function checkInvariants(activityId: string) {
  const seats = await allDocs<{ state: string; signupId: string | null }>('seats', { activityId });
  const signups = await allDocs<SignupRow>('signups', { activityId });
  const byId = new Map(signups.map((s) => [s._id, s]));
  expect(seats).toHaveLength(SEATS);
  const confirmed = signups.filter((s) => s.status === 'confirmed');
  const offered = signups.filter((s) => s.status === 'offered');
  // Never more confirmed than seats; every confirmed holds exactly one seat, every offer one offered seat.
  expect(confirmed.length + offered.length).toBeLessThanOrEqual(SEATS);
  const held = seats.filter((s) => s.state === 'held');
  expect(held.map((s) => byId.get(s.signupId!)?.status)).toEqual(held.map(() => 'confirmed'));
  expect(held).toHaveLength(confirmed.length);
  const offeredSeats = seats.filter((s) => s.state === 'offered');
  expect(offeredSeats.map((s) => byId.get(s.signupId!)?.status)).toEqual(offeredSeats.map(() => 'offered'));
  expect(new Set(seats.filter((s) => s.signupId).map((s) => s.signupId)).size).toBe(held.length + offeredSeats.length);
  // Each person once.
  expect(new Set(signups.map((s) => s.userId)).size).toBe(signups.length);
  // Nobody still waiting was passed over: everyone who got an offer waited longer than anyone still waiting.
  const waiting = signups.filter((s) => s.status === 'waitlisted').map((s) => s.waitSeq!);
  const promoted = signups.filter((s) => s.waitSeq !== null && s.status !== 'waitlisted' && s.status !== 'cancelled' && s.status !== 'late_cancelled').map((s) => s.waitSeq!);
  if (waiting.length > 0 && promoted.length > 0) expect(Math.max(...promoted)).toBeLessThan(Math.min(...waiting));
  return { confirmed, offered, signups };
}

test('2,000 residents and 400 retries on 50 seats, then random cancellations, offers and expiries', async () => {
  const leader = await Client.signIn(cloud.url, 'hot-leader');
  const groupId = await createGroup(db, { leader: 'hot-leader' });
  const start = new Date(Date.now() + 72 * HOUR).toISOString();
  const end = new Date(Date.now() + 74 * HOUR).toISOString();
  const created = await leader.call<{ ids: string[] }>('activities', 'activities.create', {
    groupId,
    title: '社区义诊',
    description: '三甲医院专家到社区免费测血压、血糖，名额有限。',
    category: 'elderly_care',
    startAt: start,
    endAt: end,
    location: { name: '北苑社区卫生站', address: '北苑路 8 号' },
    capacity: SEATS,
  });
  if (!created.body.ok) throw new Error(JSON.stringify(created.body));
  const activityId = created.body.data.ids[0]!;

  const residents: Client[] = [];
  for (let i = 0; i < RESIDENTS; i += 100) {
    residents.push(...(await Promise.all(Array.from({ length: 100 }, (_, k) => Client.signIn(cloud.url, `hot-${i + k}`)))));
  }
  const requests = residents.map((client) => ({ client, requestId: client.nextRequestId() }));
  const retries = requests.filter((_, i) => i % 5 === 0);
  const calls = [...requests, ...retries].map(({ client, requestId }) => ({ client, requestId }));
  // Shuffle so retries race their originals.
  for (let i = calls.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [calls[i], calls[j]] = [calls[j]!, calls[i]!];
  }
  const burstStarted = Date.now();
  const replies = await Promise.all(calls.map(async ({ client, requestId }) => ({ requestId, reply: await client.call<ActivityDetail>('signups', 'signups.create', { activityId }, requestId) })));
  console.info(`hot sign-up: ${calls.length} calls in ${Date.now() - burstStarted} ms`);
  expect(replies.filter((r) => r.reply.status !== 200).map((r) => r.reply.body)).toEqual([]);

  const byRequest = new Map<string, CallResult<ActivityDetail>[]>();
  for (const { requestId, reply } of replies) byRequest.set(requestId, [...(byRequest.get(requestId) ?? []), reply]);
  for (const group of byRequest.values()) for (const reply of group) expect(reply.body).toEqual(group[0]!.body);

  const { confirmed, signups } = await checkInvariants(activityId);
  expect(confirmed).toHaveLength(SEATS);
  expect(signups).toHaveLength(RESIDENTS);
  // One number each, none shared. A place a head start drew for a replay and gave back leaves a
  // gap in the numbers (like anyone who leaves the line): the number orders the line, a place
  // shown is counted (repositories/signups.ts, waitlistPosition) — and the line's count is exact.
  const waitSeqs = signups.filter((s) => s.status === 'waitlisted').map((s) => s.waitSeq!);
  expect(waitSeqs).toHaveLength(RESIDENTS - SEATS);
  expect(new Set(waitSeqs).size).toBe(waitSeqs.length);
  const { data: afterBurst } = await db.collection('activities').doc(activityId).get();
  expect((afterBurst[0] as { waitlistCount: number }).waitlistCount).toBe(RESIDENTS - SEATS);
  const statusOf = new Map<string, string>();
  for (const { requestId, reply } of replies) if (reply.body.ok) statusOf.set(requestId, reply.body.data.mySignup!.status);
  expect([...statusOf.values()].filter((s) => s === 'confirmed')).toHaveLength(SEATS);

  // Later arrivals queue behind, one by one, in the order they arrive.
  const late = await Promise.all(['hot-late-1', 'hot-late-2'].map((id) => Client.signIn(cloud.url, id)));
  const firstLate = await late[0]!.call<ActivityDetail>('signups', 'signups.create', { activityId });
  const secondLate = await late[1]!.call<ActivityDetail>('signups', 'signups.create', { activityId });
  expect(firstLate.body.ok && firstLate.body.data.mySignup?.waitlistPosition).toBe(RESIDENTS - SEATS + 1);
  expect(secondLate.body.ok && secondLate.body.data.mySignup?.waitlistPosition).toBe(RESIDENTS - SEATS + 2);

  // Random churn: confirmed people cancel, offered people confirm or let the offer expire, all at once.
  const userToClient = new Map(residents.map((c) => [userIdOf(c.openid!), c]));
  for (let round = 0; round < 4; round += 1) {
    const state = await checkInvariants(activityId);
    const cancelling = state.confirmed.filter(() => Math.random() < 0.2).map((s) => userToClient.get(s.userId)!);
    const confirming = state.offered.filter(() => Math.random() < 0.5).map((s) => userToClient.get(s.userId)!);
    const expiring = state.offered.filter((s) => !confirming.includes(userToClient.get(s.userId)!)).map((s) => s._id);
    await db.collection('signups').where({ _id: db.command.in(expiring.length ? expiring : ['none']) }).update({ offerExpiresAt: new Date(Date.now() - 1000) });
    await Promise.all([
      ...cancelling.map((c) => c.call('signups', 'signups.cancel', { activityId })),
      ...confirming.map((c) => c.call('signups', 'signups.confirmOffer', { activityId })),
      fetch(`${cloud.url}/api/dev/timers/activities/expireOffers`, { method: 'POST' }),
    ]);
  }
  const end2 = await checkInvariants(activityId);
  expect(end2.confirmed.length + end2.offered.length).toBeLessThanOrEqual(SEATS);

  // Those who cancelled sign up again at once with newcomers: the crowd's sign-ups are written
  // together, and the ones who already had a sign-up fall back to their own path — all queue.
  const cancelled = end2.signups.filter((s) => s.status === 'cancelled' || s.status === 'late_cancelled').map((s) => userToClient.get(s.userId)!);
  const newcomers = await Promise.all(Array.from({ length: 30 }, (_, i) => Client.signIn(cloud.url, `hot-again-${i}`)));
  const again = await Promise.all([...cancelled, ...newcomers].map((c) => c.call<ActivityDetail>('signups', 'signups.create', { activityId })));
  expect(again.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
  expect(new Set(again.map((r) => r.body.ok && r.body.data.mySignup!.status))).toEqual(new Set(['waitlisted']));
  const end3 = await checkInvariants(activityId);
  const waitingSeqs = end3.signups.filter((s) => s.status === 'waitlisted').map((s) => s.waitSeq!);
  expect(new Set(waitingSeqs).size).toBe(waitingSeqs.length);
  const { data: counted } = await db.collection('activities').doc(activityId).get();
  expect((counted[0] as { waitlistCount: number }).waitlistCount).toBe(waitingSeqs.length);
  const detail = await leader.call<ActivityDetail>('activities', 'activities.get', { activityId }, null);
  // A seat offered to someone from the waitlist is not free: it shows as on offer.
  expect(detail.body.ok && [detail.body.data.seatsLeft, detail.body.data.seatsOnOffer]).toEqual([SEATS - end3.confirmed.length - end3.offered.length, end3.offered.length]);
}, 600_000);
