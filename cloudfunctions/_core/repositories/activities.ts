/** Activities, their seats and sign-ups: documents and queries. */
import type { ActivityCategory, SignupStatus } from '../../../src/shared/schemas/activities';
import { database } from '../runtime/cloudbase';
import type { LatLng } from '../runtime/geo';
import { digest } from '../runtime/hash';
import { Collections } from './collections';
import { nearestFirstPage, type NearestFirstPage } from './nearestFirstPage';

export interface ActivityDoc {
  _id: string;
  groupId: string;
  /**
   * The group's name as its cards show it, kept beside the id so a list of activities needs no
   * read of their groups (a group's name is fixed once it is approved: groups.update does not
   * change it). Absent on activities posted before it was kept: their groups are read.
   */
  groupName?: string;
  communityId: string | null;
  streetId: string;
  countyId: string;
  title: string;
  description: string;
  category: ActivityCategory;
  coverImage: string | null;
  startAt: Date;
  endAt: Date;
  location: { name: string; address: string; latitude: number | null; longitude: number | null };
  /**
   * The location's coordinates as a GeoJSON point (node-sdk's `db.Geo.Point`), the field the
   * 2dsphere index covers so `geoNear` can sort by distance. Absent when the place has no
   * coordinates, and on activities written before nearest-first sorting (they list as unlocated).
   */
  geo?: object;
  capacity: number;
  signupOpenAt: Date;
  signupCloseAt: Date;
  cancelCutoffAt: Date;
  skills: string[];
  minAge: number | null;
  volunteer: { plannedHours: number; creditsPerHour: number } | null;
  /** `volunteer !== null`, kept as its own field so the volunteer filter can use an index. */
  isVolunteer: boolean;
  approvalRequired: boolean;
  offerWindowHours: number;
  seriesId: string | null;
  /** 'hidden' while moderation keeps it out of sight; statusBeforeHide restores it. */
  status: 'published' | 'cancelled' | 'hidden';
  statusBeforeHide?: 'published' | 'cancelled' | null;
  cancelReason: string | null;
  /**
   * Display counters; the seats and sign-ups are the truth (see seatLedger). `confirmedCount`
   * counts the held seats (confirmed sign-ups and no-shows, who kept theirs), `offeredCount` the
   * seats offered to someone from the waitlist (absent on activities written before it: 0),
   * `waitlistCount` the people waiting. `activities.reconcile` recomputes them.
   */
  confirmedCount: number;
  offeredCount?: number;
  waitlistCount: number;
  /** The last waitlist number handed out, so the waitlist is strictly first-in first-out. */
  waitSeqNext: number;
  /** Secret behind the rotating check-in code; never leaves the server. */
  checkinSecret: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  remindersSent: string[];
}

export interface SeatDoc {
  _id: string;
  activityId: string;
  seatNo: number;
  /** free; held by a confirmed sign-up; offered to a waitlisted one. */
  state: 'free' | 'held' | 'offered';
  signupId: string | null;
  /** The claim attempt that took this seat (see `SignupDoc.attempt`); a losing attempt frees only its own. */
  attemptId?: string | null;
}

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
  request?: { key: string; answer: string } | null;
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

export const activities = () => database().collection(Collections.activities);
export const seats = () => database().collection(Collections.seats);
export const signups = () => database().collection(Collections.signups);

/** One sign-up per person per activity: the id is derived from both. */
export function signupIdOf(activityId: string, userId: string): string {
  return `s${digest('signup', activityId, userId).slice(0, 30)}`;
}

export async function findActivity(activityId: string): Promise<ActivityDoc | null> {
  const { data } = await activities().doc(activityId).get();
  return (data[0] as ActivityDoc | undefined) ?? null;
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

/** The display counters of an activity (see ActivityDoc.confirmedCount). */
export type ActivityCounter = 'confirmedCount' | 'offeredCount' | 'waitlistCount';

/** Moves display counters of an activity, in one write (the fields in the order given). */
export async function moveCounters(activityId: string, by: Partial<Record<ActivityCounter, 1 | -1>>): Promise<void> {
  const _ = database().command;
  await activities()
    .doc(activityId)
    .update(Object.fromEntries(Object.entries(by).map(([field, step]) => [field, _.inc(step)])));
}

/** Moves the display counter of confirmed sign-ups; answers the activity after the change. */
export async function countConfirmed(activityId: string, by: 1 | -1): Promise<ActivityDoc | null> {
  const counted = (await activities().where({ _id: activityId }).updateAndReturn({ confirmedCount: database().command.inc(by) })) as { doc?: ActivityDoc | null };
  return counted.doc ?? null;
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
 * because a sign-up's `startAt` follows its activity's (activityPlanner.ts, updateActivity).
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
  const { data } = await signups().where({ activityId, status: 'waitlisted' }).orderBy('waitSeq', 'asc').skip(skip).limit(1).get();
  return (data[0] as SignupDoc | undefined) ?? null;
}

/** The `geo` field for a location: its GeoJSON point, or null when it has no coordinates. */
export function geoPointOf(location: ActivityDoc['location']): object | null {
  if (location.latitude === null || location.longitude === null) return null;
  return new (database().Geo.Point)(location.longitude, location.latitude);
}

type Filter = Record<string, unknown>;

/**
 * One page of activities nearest first from `near` (`nearestFirstPage`): located by distance,
 * then those without coordinates soonest first. Ties in distance come in the database's order.
 */
export async function nearestActivitiesPage(
  withCondition: (extra: Filter) => object,
  near: LatLng,
  offset: number,
  limit: number,
  locatedHint?: number,
): Promise<NearestFirstPage<ActivityDoc>> {
  return nearestFirstPage<ActivityDoc>({ collection: activities, withCondition, near, unlocatedOrder: [{ field: 'startAt', direction: 'asc' }], offset, limit, locatedHint });
}

/** How many activities a group has held (any state). */
export async function countActivitiesOfGroup(groupId: string): Promise<number> {
  return (await activities().where({ groupId }).count()).total;
}
