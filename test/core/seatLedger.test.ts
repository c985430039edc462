/**
 * Seat moves in-process against the emulator, in orders a crowd only sometimes produces: each
 * one found by the seat model test (test/reliability/seatModel.test.ts) and pinned down here.
 */
import { listInbox } from '../../cloudfunctions/_core/commands/inbox/list';
import { passSeatOn, remindExpiringOffers } from '../../cloudfunctions/_core/ledger/seatLedger';
import { cancelSignup } from '../../cloudfunctions/_core/commands/signups/cancel';
import { confirmOffer } from '../../cloudfunctions/_core/commands/signups/confirmOffer';
import { createSignup } from '../../cloudfunctions/_core/commands/signups/create';
import { findActivity } from '../../cloudfunctions/_core/repositories/activities';
import { findSignup, signupIdOf } from '../../cloudfunctions/_core/repositories/signups';
import { resolveActor } from '../../cloudfunctions/_core/pipeline/actor';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { SignupsCreateInput } from '../../src/shared/schemas/signups';
import { startCloudForCore } from '../support/coreAgainstCloud';
import { allDocsOf, createActivity, createGroup } from '../support/fixtures';

/**
 * The seats repository, with a gate a test may set on the move of a seat to an offer
 * (`seatMoveGate`): the move then waits for it — an interleaving made deterministic.
 */
const gates = globalThis as { seatMoveGate?: Promise<void> };
jest.mock('../../cloudfunctions/_core/repositories/seats', () => {
  const real = jest.requireActual('../../cloudfunctions/_core/repositories/seats');
  return {
    ...real,
    seats: () => {
      const collection = real.seats();
      const where = collection.where.bind(collection);
      return Object.assign(Object.create(collection), {
        where: (query: Record<string, unknown>) => {
          const found = where(query);
          const updateAndReturn = found.updateAndReturn.bind(found);
          return Object.assign(Object.create(found), {
            updateAndReturn: async (changes: Record<string, unknown>) => {
              const gate = (globalThis as { seatMoveGate?: Promise<void> }).seatMoveGate;
              if (gate && changes.state === 'offered') await gate;
              return updateAndReturn(changes);
            },
          });
        },
      });
    },
  };
});

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  cloud = await startCloudForCore();
}, 120_000);
afterAll(async () => cloud?.close());

test('an offer that expired while she signed up again, first in line: the seat is offered to her again, once', async () => {
  const groupId = await createGroup(database(), { leader: 'sl-leader' });
  const activityId = await createActivity(database(), groupId, 'sl-leader', { capacity: 1, startsInHours: 48 });
  const [a, b] = await Promise.all(['sl-a', 'sl-b'].map((openid) => resolveActor(openid)));
  const input = SignupsCreateInput.parse({ activityId });
  const now = new Date();
  await createSignup(a!, input, now);
  await createSignup(b!, input, now);
  await cancelSignup(a!, activityId, undefined, now);
  const offered = (await findSignup(signupIdOf(activityId, b!.userId)))!;
  expect(offered.status).toBe('offered');
  // The expiry timer marks her offer expired (as expireOffers does) …
  await database().collection('signups').doc(offered._id).update({ status: 'expired', offerExpiresAt: null });
  await database().collection('activities').doc(activityId).update({ offeredCount: database().command.inc(-1) });
  // … she signs up again before it passes the seat on, and is first in line …
  expect((await createSignup(b!, input, now)).signup.status).toBe('waitlisted');
  // … then the timer passes her old seat on: to her, the head of the line.
  await passSeatOn((await findActivity(activityId))!, offered, now);
  const seats = await allDocsOf<{ state: string; signupId: string | null }>(database(), 'seats', { activityId });
  const again = (await findSignup(offered._id))!;
  expect(again.status).toBe('offered');
  expect(seats.map((s) => [s.state, s.signupId])).toEqual([['offered', offered._id]]);
  const activity = (await findActivity(activityId))!;
  expect({ offered: activity.offeredCount, waiting: activity.waitlistCount }).toEqual({ offered: 1, waiting: 0 });
});

test('an offer reaches the elder and the proxy who signed her up; an hour before it lapses both get one last reminder', async () => {
  const groupId = await createGroup(database(), { leader: 'sl2-leader' });
  const activityId = await createActivity(database(), groupId, 'sl2-leader', { capacity: 1, startsInHours: 48 });
  const [a, elder, daughter] = await Promise.all(['sl2-a', 'sl2-elder', 'sl2-daughter'].map((openid) => resolveActor(openid)));
  // The elder consented that her daughter may sign her up (as proxies.accept records it).
  await database().collection('proxies').add({ proxyUserId: daughter!.userId, elderUserId: elder!.userId, relation: 'family', status: 'active', createdAt: new Date() });
  const now = new Date();
  await createSignup(a!, SignupsCreateInput.parse({ activityId }), now);
  await createSignup(daughter!, SignupsCreateInput.parse({ activityId, forUserId: elder!.userId }), now);
  await cancelSignup(a!, activityId, undefined, now);
  // What each one's inbox lists (her own sign-up's notice is kept on the sign-up: commands/inbox.ts).
  const people = new Map([elder!, daughter!].map((p) => [p.userId, p]));
  const inboxOf = async (userId: string) => (await listInbox(people.get(userId)!, 0, 50)).items.map((n) => n.kind).sort();
  // Her waitlist place first (the daughter's copy too), then the offer.
  expect(await inboxOf(elder!.userId)).toEqual(['seat_offer', 'signup_waitlisted']);
  expect(await inboxOf(daughter!.userId)).toEqual(['seat_offer', 'signup_waitlisted']);
  const offer = (await findSignup(signupIdOf(activityId, elder!.userId)))!;
  const almost = new Date(offer.offerExpiresAt!.getTime() - 30 * 60_000);
  // Offers of the other tests here are out of the way, so the runs' counts are this offer's.
  await database().collection('signups').where({ activityId: database().command.neq(activityId), status: 'offered' }).update({ status: 'expired' });
  // Two timer runs at once, then a later one: one reminder each.
  const runs = await Promise.all([remindExpiringOffers(almost), remindExpiringOffers(almost)]);
  expect(runs.reduce((sum, r) => sum + r.offerReminders, 0)).toBe(1);
  expect((await remindExpiringOffers(new Date(almost.getTime() + 60_000))).offerReminders).toBe(0);
  expect(await inboxOf(elder!.userId)).toEqual(['reminder_offer', 'seat_offer', 'signup_waitlisted']);
  expect(await inboxOf(daughter!.userId)).toEqual(['reminder_offer', 'seat_offer', 'signup_waitlisted']);
  // Not before the last hour.
  expect((await remindExpiringOffers(now)).offerReminders).toBe(0);
});

test('she accepts an offer in the instant between her sign-up being offered and the seat moving to her: the seat ends held by her', async () => {
  const groupId = await createGroup(database(), { leader: 'sl3-leader' });
  const activityId = await createActivity(database(), groupId, 'sl3-leader', { capacity: 1, startsInHours: 48 });
  const [a, b] = await Promise.all(['sl3-a', 'sl3-b'].map((openid) => resolveActor(openid)));
  const input = SignupsCreateInput.parse({ activityId });
  const now = new Date();
  await createSignup(a!, input, now);
  expect((await createSignup(b!, input, now)).signup.status).toBe('waitlisted');
  // The seat's move to her is held back until she has accepted: the order a crowd of four
  // concurrent steps once produced (the seat model test, seed 1530902794).
  let accepted: () => void = () => undefined;
  gates.seatMoveGate = new Promise<void>((resolve) => (accepted = resolve));
  try {
    const cancelling = cancelSignup(a!, activityId, undefined, now);
    const mine = signupIdOf(activityId, b!.userId);
    // Wait for her sign-up to read 'offered' (the seat not yet hers), then she accepts.
    for (let s = await findSignup(mine); s?.status !== 'offered'; s = await findSignup(mine)) await new Promise((resolve) => setImmediate(resolve));
    await confirmOffer(b!, activityId, now);
    accepted();
    await cancelling;
  } finally {
    accepted();
    delete gates.seatMoveGate;
  }
  const seatsNow = await allDocsOf<{ state: string; signupId: string | null }>(database(), 'seats', { activityId });
  expect(seatsNow.map((s) => [s.state, s.signupId])).toEqual([['held', signupIdOf(activityId, b!.userId)]]);
  expect((await findSignup(signupIdOf(activityId, b!.userId)))!.status).toBe('confirmed');
});
