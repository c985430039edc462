/**
 * Seat moves in-process against the emulator, in orders a crowd only sometimes produces: each
 * one found by the seat model test (test/reliability/seatModel.test.ts) and pinned down here.
 */
import { passSeatOn } from '../../cloudfunctions/_core/commands/seatLedger';
import { cancelSignup, createSignup } from '../../cloudfunctions/_core/commands/signupFlow';
import { findActivity, findSignup, signupIdOf } from '../../cloudfunctions/_core/repositories/activities';
import { resolveActor } from '../../cloudfunctions/_core/runtime/actor';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { SignupsCreateInput } from '../../src/shared/schemas/activities';
import { startCloudForCore } from '../support/coreAgainstCloud';
import { allDocsOf, createActivity, createGroup } from '../support/fixtures';

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
