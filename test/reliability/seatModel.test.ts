/**
 * The seat ledger as a model test (DESIGN §5, §9): seeded random schedules of every operation on
 * sign-ups — sign-ups, double taps (two calls at once, each its own attempt, as with two new
 * request ids), cancellations and declines, offer confirmations, approvals and rejections, leader
 * removals, no-show and check-in marks, and both timers (offer expiry, free seats to the line) —
 * by a few residents on small capacities (1, 2, 5, 37), each step's operations launched at once,
 * with the invariants checked against the database itself (the emulator's SQLite file) after
 * every step:
 *   - never more seats taken than the capacity; every held seat belongs to a confirmed sign-up or
 *     a no-show, every offered seat to an offered one, one seat per sign-up and none missing;
 *   - one sign-up per person; nothing left half-claimed once the step's calls have answered;
 *   - the activity's counters equal what the documents say;
 *   - the line is first-in first-out: whoever was promoted in a step waited longer than everyone
 *     who was already waiting before the step and still is, and waitlist numbers are distinct;
 *   - every refusal is an expected domain error (never INTERNAL or a crash).
 * After each schedule the timer that offers free seats runs alone: then no seat is free while
 * someone waits, and `activities.reconcile` finds no drift. The commands run in-process against
 * a started local cloud, with a virtual clock so that offers expire and activities start within
 * a schedule. A failing schedule prints its seed: LINLI_MODEL_SEED=<seed> LINLI_MODEL_SCHEDULES=1
 * replays it. LINLI_MODEL_SCHEDULES sets how many run (default below).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expireOffers, offerSeatsToWaiting } from '../../cloudfunctions/_core/ledger/seatLedger';
import { reconcileActivity } from '../../cloudfunctions/_core/commands/activities/reconcile';
import { cancelSignup } from '../../cloudfunctions/_core/commands/signups/cancel';
import { confirmOffer } from '../../cloudfunctions/_core/commands/signups/confirmOffer';
import { createSignup } from '../../cloudfunctions/_core/commands/signups/create';
import { WaitlistHeadStart } from '../../cloudfunctions/_core/commands/signups/headStart';
import { takeWaitlistPlaceWhileOpen } from '../../cloudfunctions/_core/ledger/seatLedger';
import { decideSignup } from '../../cloudfunctions/_core/commands/signups/decide';
import { markSignup } from '../../cloudfunctions/_core/commands/signups/mark';
import { removeSignup } from '../../cloudfunctions/_core/commands/signups/remove';
import { resolveActor, type Actor } from '../../cloudfunctions/_core/pipeline/actor';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { signupIdOf } from '../../cloudfunctions/_core/repositories/signups';
import { AppError } from '../../src/shared/errors';
import { SignupsCreateInput } from '../../src/shared/schemas/signups';
import { startCloudForCore } from '../support/coreAgainstCloud';
import { createActivity, createGroup } from '../support/fixtures';
import { SeededRandom } from '../support/seededRandom';

const SCHEDULES = Number(process.env.LINLI_MODEL_SCHEDULES ?? 2000);
const FIRST_SEED = Number(process.env.LINLI_MODEL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const STEPS = 8;
const HOUR = 3600_000;
const CAPACITIES = [1, 2, 5, 37] as const;
/** Residents who act in a schedule; for 37 seats others fill 35 of them first. */
const ACTORS = 6;
const FILLERS = 35;

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
let sqlite: Database.Database;
let leader: Actor;
let staff: Actor;
let groupId: string;
let residents: Actor[];
let fillers: Actor[];

beforeAll(async () => {
  cloud = await startCloudForCore();
  sqlite = new Database(join(cloud.dataDir, 'linli.sqlite'), { readonly: true, fileMustExist: true });
  groupId = await createGroup(database(), { leader: 'model-leader' });
  // No-show blocking is a rule of its own (tested elsewhere); here it would only shrink the crowd.
  await database().collection('groups').doc(groupId).update({ noShowLimit: 0 });
  leader = await resolveActor('model-leader');
  staff = await resolveActor('demo-committee');
  residents = await Promise.all(Array.from({ length: ACTORS }, (_, i) => resolveActor(`model-r${i}`)));
  fillers = await Promise.all(Array.from({ length: FILLERS }, (_, i) => resolveActor(`model-f${i}`)));
}, 120_000);

afterAll(async () => {
  sqlite?.close();
  await cloud?.close();
});

interface SignupRow {
  id: string;
  userId: string;
  status: string;
  waitSeq: number | null;
  attemptId: string | null;
}
interface SeatRow {
  id: string;
  state: string;
  signupId: string | null;
  attemptId: string | null;
}

/** The documents of one activity, read from the emulator's SQLite file (committed data only). */
function readState(activityId: string) {
  const rows = <T>(table: string, fields: string[]) =>
    sqlite
      .prepare(`SELECT id, ${fields.map((f) => `json_extract(doc, '$.${f}') AS ${f === 'attempt.id' ? 'attemptId' : f}`).join(', ')} FROM ${table} WHERE json_extract(doc, '$.activityId') = ?`)
      .all(activityId) as T[];
  const activity = sqlite
    .prepare(`SELECT json_extract(doc, '$.capacity') AS capacity, json_extract(doc, '$.confirmedCount') AS confirmed, json_extract(doc, '$.offeredCount') AS offered, json_extract(doc, '$.waitlistCount') AS waitlist FROM c_activities WHERE id = ?`)
    .get(activityId) as { capacity: number; confirmed: number; offered: number | null; waitlist: number };
  return { activity, signups: rows<SignupRow>('c_signups', ['userId', 'status', 'waitSeq', 'seatId', 'attempt.id']), seats: rows<SeatRow>('c_seats', ['state', 'signupId', 'attemptId']) };
}

type State = ReturnType<typeof readState>;

/** Every invariant of the seat ledger; `before` is the state at the start of the step. */
function invariantViolations(state: State, before: State, crashedAllowed = true): string[] {
  const problems: string[] = [];
  const { activity, signups, seats } = state;
  const byId = new Map(signups.map((s) => [s.id, s]));
  const holds = (s: SignupRow | undefined) => s?.status === 'confirmed' || s?.status === 'no_show';
  // A claim whose attempt died (written by the model's crash) may hold the seat it took until someone takes it over.
  const crashed = (s: SignupRow | undefined) => crashedAllowed && s?.status === 'claiming' && (s.attemptId ?? '').startsWith(DEAD);
  const crashedSeat = (seat: SeatRow, holder: SignupRow | undefined) => seat.state === 'held' && crashed(holder) && seat.attemptId === holder!.attemptId;
  if (seats.length !== activity.capacity) problems.push(`${seats.length} seats for capacity ${activity.capacity}`);
  const taken = seats.filter((s) => s.state !== 'free');
  const confirmedOrOffered = signups.filter((s) => holds(s) || s.status === 'offered').length;
  if (confirmedOrOffered > activity.capacity) problems.push(`${confirmedOrOffered} confirmed or offered on capacity ${activity.capacity}`);
  if (taken.length > activity.capacity) problems.push(`${taken.length} seats taken on capacity ${activity.capacity}`);
  const seatsOf = new Map<string, number>();
  for (const seat of taken) {
    const holder = seat.signupId ? byId.get(seat.signupId) : undefined;
    if (seat.state === 'held' && !holds(holder) && !crashedSeat(seat, holder)) problems.push(`held seat ${seat.id} belongs to a sign-up ${holder?.status ?? 'that does not exist'}`);
    if (seat.state === 'offered' && holder?.status !== 'offered') problems.push(`offered seat ${seat.id} belongs to a sign-up ${holder?.status ?? 'that does not exist'}`);
    if (seat.signupId) seatsOf.set(seat.signupId, (seatsOf.get(seat.signupId) ?? 0) + 1);
  }
  for (const s of signups) {
    const n = seatsOf.get(s.id) ?? 0;
    const wants = holds(s) || s.status === 'offered' ? 1 : 0;
    if (n !== wants && !(crashed(s) && n <= 1)) problems.push(`sign-up ${s.id} (${s.status}) holds ${n} seats`);
    if (s.status === 'claiming' && !crashed(s)) problems.push(`sign-up ${s.id} still claiming after its calls answered`);
  }
  if (new Set(signups.map((s) => s.userId)).size !== signups.length) problems.push('a person has two sign-ups');
  const count = (...statuses: string[]) => signups.filter((s) => statuses.includes(s.status)).length;
  const actual = { confirmed: count('confirmed', 'no_show'), offered: count('offered'), waitlist: count('waitlisted') };
  const stored = { confirmed: activity.confirmed, offered: activity.offered ?? 0, waitlist: activity.waitlist };
  if (JSON.stringify(actual) !== JSON.stringify(stored)) problems.push(`counters ${JSON.stringify(stored)} but documents say ${JSON.stringify(actual)}`);
  const waiting = signups.filter((s) => s.status === 'waitlisted');
  if (new Set(waiting.map((s) => s.waitSeq)).size !== waiting.length) problems.push('two people share a waitlist number');
  // First in, first out: promoted this step ⇒ waited longer than anyone waiting before and still.
  const wasWaiting = new Map(before.signups.filter((s) => s.status === 'waitlisted').map((s) => [s.id, s.waitSeq]));
  const stillWaiting = waiting.filter((s) => wasWaiting.get(s.id) === s.waitSeq).map((s) => s.waitSeq!);
  const promoted = signups.filter((s) => wasWaiting.get(s.id) === s.waitSeq && ['offered', 'confirmed', 'no_show', 'expired'].includes(s.status));
  for (const p of promoted) {
    const skipped = stillWaiting.filter((seq) => seq < p.waitSeq!);
    if (skipped.length > 0) problems.push(`waitlist #${p.waitSeq} promoted before #${skipped.join(', #')}`);
  }
  return problems;
}

/**
 * Lets `turns` turns of the event loop pass: a schedule staggers the starts of its calls by a
 * seeded number of turns, so the same seed replays the same interleaving of their database
 * round trips as nearly as an event loop allows, and different seeds explore different ones.
 * Nothing waits for time.
 */
async function afterTurns(turns: number): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Both calls, the second `lag` turns after the first; settles only when both have answered (Promise.all would not wait after a refusal). */
async function both(a: () => Promise<unknown>, b: () => Promise<unknown>, lag: number): Promise<void> {
  const results = await Promise.allSettled([a(), afterTurns(lag).then(b)]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !(r.reason instanceof AppError && r.reason.code !== 'INTERNAL'));
  if (failed) throw failed.reason;
}

interface Op {
  name: string;
  run: () => Promise<unknown>;
}

const DEAD = 'dead-';

/**
 * A sign-up whose claim died mid-way (the function instance crashed or timed out): a claiming
 * sign-up with an attempt started long ago, holding the seat it took when `withSeat`. Written
 * only where the person has no live sign-up; the seat is given back if the sign-up could not be.
 */
async function crashedClaim(r: Actor, activityId: string, startAt: Date, now: Date, withSeat: boolean): Promise<void> {
  const id = signupIdOf(activityId, r.userId);
  const attempt = { id: `${DEAD}${Math.random().toString(36).slice(2)}`, at: new Date(now.getTime() - HOUR) };
  const _ = database().command;
  const seat = withSeat
    ? (((await database().collection('seats').where({ activityId, state: 'free' }).updateAndReturn({ state: 'held', signupId: id, attemptId: attempt.id })) as { doc?: { _id: string } | null }).doc ?? null)
    : null;
  const fields = { activityId, groupId, userId: r.userId, startAt, status: 'claiming', attempt, seatId: null, waitSeq: null, offerExpiresAt: null, proxy: null, guardianConsent: false, checkedInAt: null, checkedOutAt: null, createdAt: now, updatedAt: now };
  let written = false;
  try {
    await database().collection('signups').add({ _id: id, ...fields });
    written = true;
  } catch {
    const again = await database().collection('signups').where({ _id: id, status: _.in(['cancelled', 'late_cancelled', 'expired', 'rejected', 'removed']) }).update(fields);
    written = again.updated === 1;
  }
  if (!written && seat) await database().collection('seats').where({ _id: seat._id, attemptId: attempt.id }).update({ state: 'free', signupId: null, attemptId: null });
}

/**
 * A sign-up with the pipeline's head start (commands/signups/headStart.ts): her place drawn before
 * the command runs; `refused` is a call the mark turned away (rate limit, suspension, a replay),
 * whose place is only given back. Either way the pipeline abandons what the command did not take.
 */
async function withHeadStart(r: Actor, activityId: string, input: SignupsCreateInput, now: Date, refused: boolean): Promise<void> {
  const headStart = new WaitlistHeadStart(activityId, takeWaitlistPlaceWhileOpen(activityId, signupIdOf(activityId, r.userId)));
  try {
    if (!refused) await createSignup(r, input, now, undefined, headStart);
  } finally {
    await headStart.abandon();
  }
}

/** One random operation of the model, with the clock of the step. */
function randomOp(rng: SeededRandom, activityId: string, startAt: Date, approval: boolean, now: Date): Op {
  const r = rng.pick(residents);
  const who = r.openid;
  const input = SignupsCreateInput.parse({ activityId });
  // Leaders mark people from an hour before the start: their clock is at least that.
  const markTime = new Date(Math.max(now.getTime(), startAt.getTime() - 0.5 * HOUR));
  const lag = rng.int(0, 12);
  const choices: Array<[number, Op]> = [
    [3, { name: `signUp ${who}`, run: () => createSignup(r, input, now) }],
    [3, { name: `doubleTap ${who}`, run: () => both(() => createSignup(r, input, now), () => createSignup(r, input, now), lag) }],
    [2, { name: `headStartSignUp ${who}`, run: () => withHeadStart(r, activityId, input, now, false) }],
    [1, { name: `headStartRefused ${who}`, run: () => withHeadStart(r, activityId, input, now, true) }],
    [1, { name: `headStartDoubleTap ${who}`, run: () => both(() => withHeadStart(r, activityId, input, now, false), () => createSignup(r, input, now), lag) }],
    [2, { name: `cancel ${who}`, run: () => cancelSignup(r, activityId, undefined, now) }],
    [1, { name: `doubleCancel ${who}`, run: () => both(() => cancelSignup(r, activityId, undefined, now), () => cancelSignup(r, activityId, undefined, now), lag) }],
    [2, { name: `confirmOffer ${who}`, run: () => confirmOffer(r, activityId, now) }],
    [1, { name: `remove ${who}`, run: () => removeSignup(leader, activityId, r.userId, '重复报名', now) }],
    [1, { name: `noShow ${who}`, run: () => markSignup(leader, activityId, r.userId, 'no_show', markTime) }],
    [0.5, { name: `checkIn ${who}`, run: () => markSignup(leader, activityId, r.userId, 'check_in', markTime) }],
    [1, { name: 'expireOffers', run: () => expireOffers(now) }],
    [0.7, { name: `crashedClaim ${who}`, run: () => crashedClaim(r, activityId, startAt, now, rng.chance(0.6)) }],
    [1, { name: 'offerSeatsToWaiting', run: () => offerSeatsToWaiting(now) }],
    ...(approval
      ? ([
          [2, { name: `approve ${who}`, run: () => decideSignup(leader, activityId, r.userId, 'approve', now) }],
          [0.5, { name: `reject ${who}`, run: () => decideSignup(leader, activityId, r.userId, 'reject', now) }],
          [1, { name: `doubleApprove ${who}`, run: () => both(() => decideSignup(leader, activityId, r.userId, 'approve', now), () => decideSignup(leader, activityId, r.userId, 'approve', now), lag) }],
        ] as Array<[number, Op]>)
      : []),
  ];
  const total = choices.reduce((sum, [w]) => sum + w, 0);
  let x = rng.next() * total;
  for (const [w, op] of choices) {
    x -= w;
    if (x < 0) return op;
  }
  return choices[0]![1];
}

/** Runs an operation; an expected refusal is an AppError of a domain code, anything else fails. */
async function attempt(op: Op, outcomes?: string[]): Promise<string | null> {
  try {
    await op.run();
    outcomes?.push(`${op.name}: ok`);
    return null;
  } catch (error) {
    outcomes?.push(`${op.name}: ${error instanceof AppError ? `${error.code} ${error.message}` : String(error)}`);
    if (error instanceof AppError && error.code !== 'INTERNAL') return null;
    return `${op.name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
  }
}

/** A state in a line a person can read in a failure report. */
function describeState(state: State): string {
  const signups = state.signups.map((s) => `${s.id.slice(0, 7)}:${s.status}${s.waitSeq !== null ? `#${s.waitSeq}` : ''}`).join(' ');
  const seats = state.seats.filter((s) => s.state !== 'free').map((s) => `${s.id.split('-').pop()}:${s.state}>${(s.signupId ?? '').slice(0, 7)}`).join(' ');
  return `counters ${JSON.stringify(state.activity)}; sign-ups ${signups}; seats taken ${seats}`;
}

/** Confirmed sign-ups of the fillers, each holding its seat, and the counter to match. */
async function fillSeats(activityId: string, startAt: Date, now: Date): Promise<void> {
  const docs = fillers.map((f, i) => ({
    _id: signupIdOf(activityId, f.userId), activityId, groupId, userId: f.userId, startAt, status: 'confirmed', seatId: `${activityId}-seat-${i}`, attempt: null,
    waitSeq: null, offerExpiresAt: null, proxy: null, guardianConsent: false, checkedInAt: null, checkedOutAt: null, createdAt: now, updatedAt: now,
  }));
  await database().collection('signups').add(docs);
  const _ = database().command;
  // The free seats the fixture wrote are replaced by held ones in one batch (two round trips, not 35).
  await database().collection('seats').where({ activityId, seatNo: _.lt(FILLERS) }).remove();
  await database().collection('seats').add(docs.map((d, i) => ({ _id: `${activityId}-seat-${i}`, activityId, seatNo: i, state: 'held', signupId: d._id, attemptId: null })));
  await database().collection('activities').doc(activityId).update({ confirmedCount: _.inc(FILLERS) });
}

/** One schedule; answers what went wrong (empty when every invariant held throughout). */
async function runSchedule(seed: number): Promise<string[]> {
  const rng = new SeededRandom(seed);
  const capacity = rng.pick(CAPACITIES);
  const approval = rng.chance(0.3);
  const t0 = Date.now();
  const activityId = await createActivity(database(), groupId, 'model-leader', { capacity, startsInHours: 30 });
  const { data } = await database().collection('activities').doc(activityId).get();
  const startAt = (data[0] as { startAt: Date }).startAt;
  // Short offer windows and a cut-off within the schedule's clock, so expiries and late cancellations happen.
  await database().collection('activities').doc(activityId).update({ offerWindowHours: 4, approvalRequired: approval, cancelCutoffAt: new Date(startAt.getTime() - 6 * HOUR), offeredCount: 0 });
  const failures: string[] = [];
  try {
    // 37 seats: 35 are taken before the schedule starts (written directly: the crowd itself is the
    // hot sign-up test's), so the actors contend for the last two and the line behind them.
    if (capacity === 37) await fillSeats(activityId, startAt, new Date(t0));
    let clock = t0;
    let before = readState(activityId);
    failures.push(...invariantViolations(before, before).map((p) => `after filling: ${p}`));
    for (let step = 0; step < STEPS && failures.length === 0; step += 1) {
      clock += rng.int(0, 5) * HOUR;
      const now = new Date(clock);
      const ops = Array.from({ length: rng.int(1, 4) }, () => randomOp(rng, activityId, startAt, approval, now));
      const starts = ops.map(() => rng.int(0, 6));
      const outcomes: string[] = [];
      const errors = await Promise.all(ops.map((op, i) => afterTurns(starts[i]!).then(() => attempt(op, outcomes))));
      failures.push(...errors.filter((e): e is string => e !== null));
      const after = readState(activityId);
      if (process.env.LINLI_MODEL_TRACE) console.info(`step ${step} [${ops.map((o) => o.name).join(' | ')}] -> ${errors.join(';')}\n${JSON.stringify(after, null, 0)}`);
      const violations = invariantViolations(after, before);
      failures.push(...violations.map((p) => `step ${step} [${ops.map((o) => o.name).join(' | ')}]: ${p}`));
      // What happened, for a schedule whose interleaving a replay may not hit again.
      if (violations.length > 0) failures.push(`  before: ${describeState(before)}`, `  outcomes (in order of answer): ${outcomes.join('; ')}`, `  after: ${describeState(after)}`);
      before = after;
    }
    if (failures.length === 0) {
      // Everyone whose claim died taps again (taking it over), then the timer runs alone: no claim is
      // left, no seat stays free while someone waits, and staff find nothing to heal.
      const input = SignupsCreateInput.parse({ activityId });
      const retaps = readState(activityId).signups.filter((s) => s.status === 'claiming').map((s) => residents.find((r) => r.userId === s.userId)!);
      const closesAt = new Date(Math.min(clock, startAt.getTime() - HOUR));
      const errors = await Promise.all(retaps.map((r) => attempt({ name: `retap ${r.openid}`, run: () => createSignup(r, input, closesAt) })));
      failures.push(...errors.filter((e): e is string => e !== null));
      await offerSeatsToWaiting(new Date(Math.min(clock, startAt.getTime() - 1)));
      const settled = readState(activityId);
      const free = settled.seats.filter((s) => s.state === 'free').length;
      const waiting = settled.signups.filter((s) => s.status === 'waitlisted').length;
      if (clock < startAt.getTime() && free > 0 && waiting > 0) failures.push(`${free} seats free while ${waiting} wait after the timer`);
      failures.push(...invariantViolations(settled, settled, false).map((p) => `after the timer: ${p}`));
      const report = await reconcileActivity(staff, activityId, false, `model-${seed}`, new Date(clock));
      if (report.problems.length > 0) failures.push(`reconcile found ${JSON.stringify(report.problems)}`);
    }
  } finally {
    // Out of the way of later schedules (their timers scan every activity; the checks read by activity).
    await database().collection('signups').where({ activityId }).remove();
    await database().collection('seats').where({ activityId }).remove();
    await database().collection('activities').doc(activityId).remove();
  }
  return failures;
}

test(`seat ledger model: ${SCHEDULES} seeded schedules keep every invariant after every step`, async () => {
  const started = Date.now();
  for (let i = 0; i < SCHEDULES; i += 1) {
    const seed = (FIRST_SEED + i) >>> 0;
    const failures = await runSchedule(seed);
    if (failures.length > 0) {
      throw new Error(`schedule with seed ${seed} broke the seat ledger (replay: LINLI_MODEL_SEED=${seed} LINLI_MODEL_SCHEDULES=1):\n${failures.slice(0, 10).join('\n')}`);
    }
  }
  console.info(`seat model: ${SCHEDULES} schedules from seed ${FIRST_SEED} in ${Date.now() - started} ms`);
}, 1_800_000);
