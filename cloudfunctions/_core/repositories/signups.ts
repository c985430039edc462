/**
 * The signups collection: SignupDoc and every read and write of it — the hot path's (a sign-up's
 * claim, settling and take-over; the waitlist's order and place), the notices a sign-up keeps
 * for its resident, rosters and counts, a person's own list, attendance as the hour book reads
 * it, and a reconcile's repairs. Activities are in activities.ts, seats in seats.ts.
 */
import { orderedPage, orderedSlice, type PageOrder } from './newestFirstPage';
import { SignupStatus } from '../../../src/shared/schemas/activities';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { allMatching } from './allMatching';
import { Collections } from './collections';

/** A claim in flight: who is settling a sign-up, since when (a double tap waits for it; a dead one is taken over). */
export interface ClaimAttempt {
  id: string;
  at: Date;
}

/**
 * How long a claim in flight is waited for before it is taken for dead and taken over
 * (commands/signups/claims.ts); activities.reconcile reports claims older than this as stale.
 */
export const CLAIM_LEASE_MS = 10_000;

export interface SignupDoc {
  _id: string;
  activityId: string;
  groupId: string;
  userId: string;
  startAt: Date;
  status: SignupStatus | 'claiming';
  /** The seat it holds or is offered (absent on older documents: found by `signupId` then). */
  seatId?: string | null;
  /** Set while `claiming`: only this attempt may settle the sign-up (absent on older documents). */
  attempt?: ClaimAttempt | null;
  waitSeq: number | null;
  offerExpiresAt: Date | null;
  /** The offer deadline the last reminder was sent for (one reminder per offer). */
  offerRemindedFor?: Date | null;
  proxy: { userId: string; relation: string; consentId: string } | null;
  guardianConsent: boolean;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  /**
   * The request that wrote this sign-up and the answer it got (commands/signups/create.ts, SignupRequest): a
   * retry of that request is answered from here. Absent where the pipeline stored the answer.
   */
  request?: { key: string; answer: string; inputHash?: string } | null;
  /**
   * What the resident was told this sign-up came to (a seat, a place in line, an approval to
   * wait for), written by the same write that settled it: her inbox lists it among her notices
   * (commands/inbox.ts). The proxy who signed her up gets an inbox notice of his own.
   */
  told?: SignupTold | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A resident's own sign-up notice, kept on the sign-up (see SignupDoc.told). */
export interface SignupTold {
  kind: 'signup_confirmed' | 'signup_waitlisted' | 'signup_pending';
  params: Record<string, string | number>;
  at: Date;
  readAt: Date | null;
}

export const signups = () => database().collection(Collections.signups);

/** One sign-up per person per activity: the id is derived from both. */
export function signupIdOf(activityId: string, userId: string): string {
  return `s${digest('signup', activityId, userId).slice(0, 30)}`;
}

export async function findSignup(signupId: string): Promise<SignupDoc | null> {
  const { data } = await signups().doc(signupId).get();
  return (data[0] as SignupDoc | undefined) ?? null;
}

/** Writes a new sign-up; throws the duplicate-key error when the person has one already. */
export async function addSignup(doc: SignupDoc): Promise<void> {
  await signups().add(doc);
}

/** Writes several new sign-ups in one insert (all or none: a duplicate fails the whole batch). */
export async function addSignups(docs: SignupDoc[]): Promise<void> {
  await signups().add(docs);
}

/**
 * Changes a sign-up only while it still has `status` (one conditional update: of two changes
 * racing, one gets through); false when another change came first.
 */
export async function updateSignupWhile(signupId: string, status: SignupDoc['status'], changes: Partial<SignupDoc>): Promise<boolean> {
  const done = await signups().where({ _id: signupId, status }).update(changes);
  return done.updated === 1;
}

/**
 * Settles a claiming sign-up, only while the claim is still the attempt `attemptId`'s (another
 * attempt may have taken it over); false when it is no longer.
 */
export async function settleClaimOf(signupId: string, attemptId: string, changes: Partial<SignupDoc>): Promise<boolean> {
  const won = await signups().where({ _id: signupId, status: 'claiming', 'attempt.id': attemptId }).update(changes);
  return won.updated === 1;
}

/**
 * Takes over a claim that died (or outlived its lease): hands it to `attempt`, only while it is
 * still the dead attempt's (`dead`; a claim written before attempts were kept has none). False
 * when someone else took it over first.
 */
export async function takeOverClaim(signupId: string, dead: ClaimAttempt | null | undefined, attempt: ClaimAttempt, now: Date): Promise<boolean> {
  const _ = database().command;
  const owner = dead ? { 'attempt.id': dead.id } : { attempt: _.exists(false) };
  const taken = await signups().where({ _id: signupId, status: 'claiming', ...owner }).update({ attempt, updatedAt: now });
  return taken.updated === 1;
}

/** A person's no-shows in a group for activities starting since `since`, newest first (at most `limit`). */
export async function recentNoShows(userId: string, groupId: string, since: Date, limit: number): Promise<SignupDoc[]> {
  const _ = database().command;
  const { data } = await signups()
    .where({ userId, groupId, status: 'no_show', startAt: _.gte(since) })
    .orderBy('startAt', 'desc')
    .limit(limit)
    .get();
  return data as SignupDoc[];
}

/** My sign-ups among some activities, by activity id. */
export async function signupsOfUserIn(userId: string, activityIds: string[]): Promise<Map<string, SignupDoc>> {
  if (activityIds.length === 0) return new Map();
  const _ = database().command;
  const { data } = await signups()
    .where({ _id: _.in(activityIds.map((id) => signupIdOf(id, userId))) })
    .limit(activityIds.length)
    .get();
  return new Map((data as SignupDoc[]).map((s) => [s.activityId, s]));
}

/**
 * A person's sign-ups for activities starting in a window (any status), read beside a page of
 * activities in that window so the page's "my sign-up" needs no second round trip. `complete` is
 * false when the limit cut the list (then read by the page's ids: `signupsOfUserIn`). Exact
 * because a sign-up's `startAt` follows its activity's (commands/activities/update.ts).
 */
export async function signupsOfUserStarting(userId: string, from: Date, before: Date | null, limit = 200): Promise<{ byActivity: Map<string, SignupDoc>; complete: boolean }> {
  const _ = database().command;
  const startAt = before ? _.gte(from).and(_.lt(before)) : _.gte(from);
  const { data } = await signups().where({ userId, startAt }).limit(limit).get();
  const found = data as SignupDoc[];
  return { byActivity: new Map(found.map((s) => [s.activityId, s])), complete: found.length < limit };
}

/** Moves the start of every sign-up of an activity with the activity's (its no-show and list windows use it). */
export async function moveSignupsStart(activityId: string, startAt: Date): Promise<void> {
  await signups().where({ activityId }).update({ startAt });
}

/** Her sign-ups that told her something (SignupDoc.told set; an object field exists only when set). */
function toldWhere(userId: string, unreadOnly = false) {
  const _ = database().command;
  return { userId, 'told.at': _.exists(true), ...(unreadOnly ? { 'told.readAt': null } : {}) };
}

/** A user's `count` newest sign-up notices (the inbox merges them with the notices sent to her). */
export async function newestToldSignups(userId: string, count: number): Promise<Array<SignupDoc & { told: SignupTold }>> {
  const { data } = await signups().where(toldWhere(userId)).orderBy('told.at', 'desc').limit(count).get();
  return data as Array<SignupDoc & { told: SignupTold }>;
}

/** How many of a user's sign-ups told her something (all, or the unread ones). */
export async function toldSignupsCount(userId: string, unreadOnly = false): Promise<number> {
  return (await signups().where(toldWhere(userId, unreadOnly)).count()).total;
}

/** Marks her sign-ups' notices read: some (by sign-up id) or, without ids, all. */
export async function markToldRead(userId: string, signupIds: string[] | undefined, now: Date): Promise<void> {
  const _ = database().command;
  await signups()
    .where({ ...toldWhere(userId, true), ...(signupIds ? { _id: _.in(signupIds) } : {}) })
    .update({ 'told.readAt': now });
}

/** The first person waiting for a seat. */
export async function firstWaiting(activityId: string, skip = 0): Promise<SignupDoc | null> {
  const [first] = await orderedSlice<SignupDoc>(Collections.signups, { activityId, status: 'waitlisted' }, [['waitSeq', 'asc']], skip, 1);
  return first ?? null;
}

/** My place in the waitlist: how many wait ahead of me (by the sequence taken on joining), plus one. */
export async function waitlistPosition(signup: SignupDoc | undefined): Promise<number | null> {
  if (!signup || signup.status !== 'waitlisted' || signup.waitSeq === null) return null;
  const _ = database().command;
  const { total } = await signups().where({ activityId: signup.activityId, status: 'waitlisted', waitSeq: _.lt(signup.waitSeq) }).count();
  return total + 1;
}

/** The sign-ups to tell of a change: confirmed, waiting, offered or awaiting approval (at most 1,000). */
export async function signupsToTell(activityId: string): Promise<SignupDoc[]> {
  const { data } = await signups()
    .where({ activityId, status: database().command.in(['confirmed', 'waitlisted', 'offered', 'pending_approval']) })
    .limit(1000)
    .get();
  return data as SignupDoc[];
}

/** Every confirmed sign-up of an activity (the ones to remind), past a page of 1,000 (CloudBase's most per query). */
export async function confirmedSignupsOfActivity(activityId: string): Promise<SignupDoc[]> {
  return allMatching<SignupDoc>(Collections.signups, { activityId, status: 'confirmed' });
}

/** Sign-ups counted by status. */
export type SignupCounts = Record<SignupStatus, number>;

/** How many sign-ups of the activity are in each status: one aggregate, whatever the size. */
export async function countSignupsByStatus(activityId: string): Promise<SignupCounts> {
  const $ = database().command.aggregate;
  const { data } = (await signups().aggregate().match({ activityId }).group({ _id: '$status', n: $.sum(1) }).end()) as { data: Array<{ _id: string; n: number }> };
  const counts = Object.fromEntries(SignupStatus.options.map((s) => [s, 0])) as SignupCounts;
  for (const row of data) if (row._id in counts) counts[row._id as SignupStatus] = row.n;
  return counts;
}

/** One page of an activity's sign-ups in some statuses: in line order, then by arrival. */
export async function rosterPage(activityId: string, statuses: readonly SignupStatus[], offset: number, limit: number): Promise<SignupDoc[]> {
  const inLineOrder: PageOrder = [
    ['waitSeq', 'asc'],
    ['createdAt', 'asc'],
    ['_id', 'asc'],
  ];
  return orderedSlice<SignupDoc>(Collections.signups, { activityId, status: database().command.in([...statuses]) }, inLineOrder, offset, limit);
}

/** Every sign-up of an activity (read in pages of 1,000 by id). */
export async function allSignupsOf(activityId: string): Promise<SignupDoc[]> {
  return allMatching<SignupDoc>(Collections.signups, { activityId });
}

/** A sign-up whose claim has settled: its status is one people see (a roster's, a person's list). */
export type SettledSignupDoc = SignupDoc & { status: SignupStatus };

/** True once the sign-up is past `claiming` (a seat being taken this instant, shown to nobody). */
export function isSettled(signup: SignupDoc): signup is SettledSignupDoc {
  return signup.status !== 'claiming';
}

const ACTIVE = ['confirmed', 'waitlisted', 'offered', 'pending_approval'];

/** A page of a person's sign-ups — upcoming (soonest first, from three hours ago) or past (latest first) — and how many. */
export async function signupsOfPerson(userId: string, scope: 'upcoming' | 'past', now: Date, offset: number, limit: number): Promise<{ docs: SignupDoc[]; total: number }> {
  const _ = database().command;
  const where = {
    userId,
    status: scope === 'upcoming' ? _.in(ACTIVE) : _.in([...ACTIVE, 'no_show', 'late_cancelled']),
    startAt: scope === 'upcoming' ? _.gte(new Date(now.getTime() - 3 * 3600_000)) : _.lt(now),
  };
  const { docs, total } = await orderedPage<SignupDoc>(Collections.signups, where, [['startAt', scope === 'upcoming' ? 'asc' : 'desc']], offset, limit);
  return { docs, total };
}

/** Attendance as the hour book reads it: everyone who came or was marked absent, past a page of 1,000 (CloudBase's most per query). */
export async function attendeesOf(activityId: string): Promise<SignupDoc[]> {
  return allMatching<SignupDoc>(Collections.signups, { activityId, status: database().command.in(['confirmed', 'no_show']) });
}

/** Sign-ups of an activity by ids (others are left out). */
export async function signupsOfActivity(activityId: string, signupIds: string[]): Promise<SignupDoc[]> {
  const { data } = await signups().where({ _id: database().command.in(signupIds), activityId }).limit(signupIds.length).get();
  return data as SignupDoc[];
}

/** A person's confirmed sign-ups, latest activity first (the last hundred). */
export async function confirmedSignupsOf(userId: string): Promise<SignupDoc[]> {
  const { data } = await signups().where({ userId, status: 'confirmed' }).orderBy('startAt', 'desc').limit(100).get();
  return data as SignupDoc[];
}

/** Points a sign-up still in `status` at its seat (a reconcile's repair). */
export async function setSignupSeat(signupId: string, status: SignupDoc['status'], seatId: string): Promise<void> {
  await signups().where({ _id: signupId, status }).update({ seatId });
}
