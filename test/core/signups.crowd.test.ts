/**
 * The sign-up crowd's short path (commands/signups/create.ts): a newcomer who can only queue decides on a
 * read of the activity a moment old and keeps her answer on her sign-up. What must hold: the
 * draw of her place re-checks the activity, so a read made before it closed or was cancelled
 * never queues anyone for it; and the answer kept is the one a retry gets.
 */
import { loadVisibleActivity } from '../../cloudfunctions/_core/authz/activities';
import { createSignup } from '../../cloudfunctions/_core/commands/signups/create';
import { findActivity } from '../../cloudfunctions/_core/repositories/activities';
import { findSignup, signupIdOf } from '../../cloudfunctions/_core/repositories/signups';
import { resolveActor } from '../../cloudfunctions/_core/pipeline/actor';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { AppError } from '../../src/shared/errors';
import { SignupsCreateInput } from '../../src/shared/schemas/signups';
import { startCloudForCore } from '../support/coreAgainstCloud';
import { createActivity, createGroup } from '../support/fixtures';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  cloud = await startCloudForCore();
}, 120_000);
afterAll(async () => cloud?.close());
afterEach(() => jest.useRealTimers());

/**
 * Only `Date` is frozen (at the real time): the instance's read then stays "a moment old" for
 * as long as the test runs, whatever the machine's speed — the stale path is taken every time.
 */
function freezeClock(): void {
  jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'] });
  jest.setSystemTime(new Date());
}

/** An activity of one seat with one person holding it and one waiting: newcomers can only queue. */
async function fullWithALine(prefix: string) {
  const groupId = await createGroup(database(), { leader: `${prefix}-leader` });
  const activityId = await createActivity(database(), groupId, `${prefix}-leader`, { capacity: 1, startsInHours: 48 });
  const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((who) => resolveActor(`${prefix}-${who}`)));
  const input = SignupsCreateInput.parse({ activityId });
  expect((await createSignup(a!, input, new Date())).signup.status).toBe('confirmed');
  expect((await createSignup(b!, input, new Date())).signup.status).toBe('waitlisted');
  // This instance reads the activity as it is now (one waiting): the read newcomers decide on.
  expect((await loadVisibleActivity(a!, activityId, false)).activity.waitlistCount).toBe(1);
  return { activityId, input, newcomer: c! };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

test.each([
  ['cancelled', { status: 'cancelled' }, 'FORBIDDEN'],
  ['closed for sign-up', { signupCloseAt: new Date(Date.now() - 60_000) }, 'SIGNUP_CLOSED'],
])('a newcomer never queues for an activity %s after this instance read it', async (_label, change, code) => {
  freezeClock();
  const { activityId, input, newcomer } = await fullWithALine(`crowd-${_label.slice(0, 5)}`);
  // The activity as this instance read it (with one waiting) is now "recent" …
  await database().collection('activities').doc(activityId).update(change);
  const before = (await findActivity(activityId))!;
  // … and it changed since: the conditional draw matches nothing, a fresh read refuses her.
  expect(await refusal(createSignup(newcomer, input, new Date()))).toBe(code);
  const after = (await findActivity(activityId))!;
  expect({ waiting: after.waitlistCount, next: after.waitSeqNext }).toEqual({ waiting: before.waitlistCount, next: before.waitSeqNext });
  expect(await findSignup(signupIdOf(activityId, newcomer.userId))).toBeNull();
});

test('a newcomer queued behind others keeps the answer of her request on her sign-up', async () => {
  const { activityId, input, newcomer } = await fullWithALine('crowd-kept');
  let kept = 0;
  const request = { key: 'k-crowd-kept', inputHash: 'h-crowd-kept', answerOf: (o: { waitlistPosition: number | null }) => JSON.stringify({ position: o.waitlistPosition }), kept: () => (kept += 1) };
  const outcome = await createSignup(newcomer, input, new Date(), request);
  expect(outcome.signup.status).toBe('waitlisted');
  expect(outcome.waitlistPosition).toBe(2);
  expect(kept).toBe(1);
  const signup = (await findSignup(signupIdOf(activityId, newcomer.userId)))!;
  expect(signup.request).toEqual({ key: 'k-crowd-kept', answer: JSON.stringify({ position: 2 }), inputHash: 'h-crowd-kept' });
});
