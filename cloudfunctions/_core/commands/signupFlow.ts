// long-file: sign-up, waitlist, proxy, cancellation and check-in share the seat ledger and the derived sign-up id; it splits into commands/signups/<verb>.ts with the layers of issue 17.
/**
 * Sign-up: one per person per activity (the sign-up id derives from both), a seat from the
 * seat ledger or a place at the end of the waitlist, approval when the activity asks, proxy
 * sign-up for elderly residents who consented, cancellation (late after the cutoff), no-show
 * blocking, and check-in/out with a rotating code.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { asError } from '../../../src/shared/errors';
import { activityPolicies } from '../../../src/shared/policies/activities';
import { authorize } from '../../../src/shared/policies/authorize';
import type { SignupsCreateInput } from '../../../src/shared/schemas/signups';
import { notifier, notifySignedUp, type Notice } from '../ports/notify';
import { noticeLocaleOf } from '../ports/noticeTexts';
import { qrCodes } from '../ports/qrCode';
import { activities, findActivity, findSignup, signupIdOf, signups, type ActivityDoc, type ClaimAttempt, type SeatDoc, type SignupDoc, type SignupTold } from '../repositories/activities';
import { Collections } from '../repositories/collections';
import type { GroupDoc } from '../repositories/groups';
import { noteNoShow, type UserDoc } from '../repositories/users';
import { findVolunteer } from '../repositories/volunteers';
import { ageOn } from '../../../src/shared/identity/idNumber';
import { addYears, chinaDayOf } from '../runtime/chinaDay';
import type { Actor } from '../authz/actor';
import { database } from '../runtime/cloudbase';
import { Coalescer } from '../runtime/coalesce';
import { isDuplicateError } from '../runtime/dbErrors';
import { acceptOffer, adoptSeat, claimSeat, joinWaitlist, passSeatOn, releaseLostSeat, returnWaitlistPlace, takeWaitlistPlaceWhileOpen } from '../ledger/seatLedger';
import { loadVisibleActivity } from '../authz/activities';
import { presentMySignup, seatsLeftOf } from '../presenters/activities';
import { waitlistPosition } from '../repositories/waitlist';
import { signupErrors } from '../../../src/shared/domainErrors';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A group's no-show limit counts no-shows in this window, and blocks sign-up for the next period. */
export const NO_SHOW_WINDOW_DAYS = 90;
export const NO_SHOW_BLOCK_DAYS = 30;
const CODE_PERIOD_MS = 60_000;

/** Active proxy consent: the elder agreed that the proxy may sign them up. */
async function proxyConsent(proxyUserId: string, elderUserId: string) {
  const { data } = await database().collection(Collections.proxies).where({ proxyUserId, elderUserId, status: 'active' }).limit(1).get();
  return (data[0] as { _id: string; relation: string } | undefined) ?? null;
}

/**
 * Blocks people who reached the group's no-show limit recently. `known` is the person's user
 * document when at hand (signing up oneself): someone never marked absent in the window is not
 * counted, which spares nearly every sign-up a query.
 */
async function assertNotBlocked(userId: string, activity: ActivityDoc, group: GroupDoc, now: Date, known?: UserDoc): Promise<void> {
  if (group.noShowLimit <= 0) return;
  if (known && known.lastNoShowAt !== undefined) {
    // Marks come from an hour before the start onwards, so a mark this old counts no activity in the window.
    const windowStart = now.getTime() - NO_SHOW_WINDOW_DAYS * DAY - HOUR;
    if (known.lastNoShowAt === null || known.lastNoShowAt.getTime() < windowStart) return;
  }
  const _ = database().command;
  const { data } = await signups()
    .where({ userId, groupId: activity.groupId, status: 'no_show', startAt: _.gte(new Date(now.getTime() - NO_SHOW_WINDOW_DAYS * DAY)) })
    .orderBy('startAt', 'desc')
    .limit(group.noShowLimit)
    .get();
  const noShows = data as SignupDoc[];
  if (noShows.length < group.noShowLimit) return;
  const blockedUntil = new Date(noShows[0]!.startAt.getTime() + NO_SHOW_BLOCK_DAYS * DAY);
  if (blockedUntil.getTime() > now.getTime()) {
    throw signupErrors.blockedForNoShows({ count: noShows.length, until: blockedUntil.toISOString().slice(0, 10) });
  }
}

/**
 * What a sign-up settled to, read from its own writes: the sign-up, the activity as the last
 * counter update returned it (for the seats shown), and the waitlist place.
 */
export interface SignupOutcome {
  signup: SignupDoc;
  activity: ActivityDoc;
  waitlistPosition: number | null;
  /** Settled by another attempt (a double tap waited for): that attempt told the resident. */
  settledElsewhere?: true;
}

const activityLink = (activityId: string) => `pages/activity/index?id=${activityId}`;

/**
 * What the resident is told her sign-up came to — a seat, a place in line, an approval to wait
 * for — kept on the sign-up by the very write that settles it (SignupDoc.told; her inbox lists
 * it), so telling her costs no write of its own and happens exactly when the sign-up does.
 */
function toldOf(status: SignupDoc['status'], activity: ActivityDoc, position: number | null, now: Date): SignupTold | null {
  const told = (kind: SignupTold['kind'], params: SignupTold['params']): SignupTold => ({ kind, params, at: now, readAt: null });
  if (status === 'confirmed') return told('signup_confirmed', { activity: activity.title, startAt: activity.startAt.toISOString(), place: activity.location.name });
  if (status === 'waitlisted') return told('signup_waitlisted', { activity: activity.title, position: position ?? 0 });
  if (status === 'pending_approval') return told('signup_pending', { activity: activity.title });
  return null;
}

/**
 * After a sign-up settled with her notice on it: the same notice to her phone where its kind has
 * a template (she is the caller: her openid is at hand), and a copy to the family member or grid
 * worker who signed her up, in his own inbox (an elder without a phone learns of a seat through him).
 */
async function tellBeyondTheSignup({ signup, activity }: SignupOutcome, actor: Actor, now: Date): Promise<void> {
  const told = signup.told;
  if (!told) return;
  const notice: Notice = { userId: signup.userId, kind: told.kind, params: told.params, link: activityLink(activity._id), dedupeKey: `signed-up-${signup._id}-${now.getTime()}` };
  const recipient = signup.userId === actor.userId ? { openid: actor.openid, locale: noticeLocaleOf(actor.user), communityId: actor.user.homeCommunityId ?? null } : undefined;
  await notifier().sendToPhone(notice, recipient);
  if (signup.proxy && signup.proxy.userId !== signup.userId) {
    await notifier().notify({ ...notice, userId: signup.proxy.userId, params: { ...notice.params, onBehalf: 1 }, dedupeKey: `${notice.dedupeKey}-proxy` });
  }
}

/**
 * Age rules for a person whose age we know (a registered volunteer): the activity's minimum age,
 * and a guardian's consent to this activity for anyone under 18 (志愿服务条例: minors take part
 * with their guardian's consent; the registration's consent covers volunteering in general, this
 * one the particular activity).
 */
async function assertAgeAllows(userId: string, activity: ActivityDoc, guardianConsent: boolean): Promise<void> {
  const volunteer = await findVolunteer(userId);
  if (!volunteer || volunteer.status !== 'active' || !volunteer.adultFrom) return;
  const age = ageOn(addYears(volunteer.adultFrom, -18), chinaDayOf(activity.startAt));
  if (activity.minAge !== null && age < activity.minAge) throw signupErrors.tooYoung({ minAge: activity.minAge });
  if (age < 18 && !guardianConsent) {
    throw signupErrors.guardianConsentRequired();
  }
}

/**
 * How old a read of the activity a newcomer may decide on, when people already wait: she can
 * only queue then, and the draw of her place re-checks on the activity itself that it still
 * takes sign-ups (seatLedger.ts, takeWaitlistPlaceWhileOpen). Saves a crowd on a full activity
 * the activity's and group's reads on every call but one a second per warm instance.
 */
const RECENT_READ_MS = 1000;

/** The activity changed since the recent read a sign-up decided on: decide again on a fresh read. */
class StaleActivityRead extends Error {}

/**
 * Where a sign-up keeps the result of the request that made it (`SignupDoc.request`): a retry of
 * that request replays it from the sign-up itself, so the pipeline stores nothing more for it.
 */
export interface SignupRequest {
  key: string;
  /** The answer as the pipeline sends it (the action's checked output, in its envelope). */
  answerOf(outcome: SignupOutcome): string;
  /** Says the result was kept on the sign-up (createHandler then stores none). */
  kept(): void;
}

/** Signs up (myself or, as a consented proxy, an elderly resident), and tells her what it came to. */
export async function createSignup(actor: Actor, input: SignupsCreateInput, now: Date, request?: SignupRequest): Promise<SignupOutcome> {
  let outcome: SignupOutcome;
  try {
    outcome = await signUp(actor, input, now, RECENT_READ_MS, request);
  } catch (error) {
    if (!(error instanceof StaleActivityRead)) throw error;
    outcome = await signUp(actor, input, now, 0, request);
  }
  if (!outcome.settledElsewhere) await tellBeyondTheSignup(outcome, actor, now);
  return outcome;
}

/** The result a sign-up kept for the request `key` (see SignupRequest), or null. */
export async function keptSignupResult(actor: Actor, input: SignupsCreateInput, key: string): Promise<string | null> {
  const signup = await findSignup(signupIdOf(input.activityId, input.forUserId ?? actor.userId));
  return signup?.request?.key === key ? signup.request.answer : null;
}

async function signUp(actor: Actor, input: SignupsCreateInput, now: Date, maxAgeMs: number, request?: SignupRequest): Promise<SignupOutcome> {
  let loaded = await loadVisibleActivity(actor, input.activityId, false, maxAgeMs);
  // A recent read decides only for a newcomer who can only queue; anything else reads afresh.
  if (loaded.recent && !(loaded.activity.waitlistCount > 0 && !loaded.activity.approvalRequired)) loaded = await loadVisibleActivity(actor, input.activityId, false);
  const { activity, group, resource } = loaded;
  authorize(activityPolicies, 'signups.create', actor, resource);
  if (now.getTime() < activity.signupOpenAt.getTime()) throw signupErrors.notOpenYet();
  if (now.getTime() >= activity.signupCloseAt.getTime()) throw signupErrors.closed();
  let userId = actor.userId;
  let proxy: SignupDoc['proxy'] = null;
  if (input.forUserId && input.forUserId !== actor.userId) {
    const consent = await proxyConsent(actor.userId, input.forUserId);
    // Without consent the person is, for this caller, as good as unknown.
    if (!consent) throw signupErrors.noProxyFor();
    userId = input.forUserId;
    proxy = { userId: actor.userId, relation: consent.relation, consentId: consent._id };
  }
  if (activity.minAge !== null && activity.minAge >= 18 && input.guardianConsent === true) {
    throw signupErrors.adultsOnly();
  }
  // Ages are known for registered volunteers only; the read is skipped where no age rule applies.
  if (activity.minAge !== null || activity.volunteer) await assertAgeAllows(userId, activity, input.guardianConsent === true);
  await assertNotBlocked(userId, activity, group, now, userId === actor.userId ? actor.user : undefined);

  const id = signupIdOf(activity._id, userId);
  const attempt: ClaimAttempt = { id: randomUUID(), at: now };
  const fresh: SignupDoc = {
    _id: id,
    activityId: activity._id,
    groupId: activity.groupId,
    userId,
    startAt: activity.startAt,
    status: activity.approvalRequired ? 'pending_approval' : 'claiming',
    attempt: activity.approvalRequired ? null : attempt,
    seatId: null,
    waitSeq: null,
    offerExpiresAt: null,
    proxy,
    guardianConsent: input.guardianConsent === true,
    checkedInAt: null,
    checkedOutAt: null,
    ...(activity.approvalRequired ? { told: toldOf('pending_approval', activity, null, now) } : {}),
    createdAt: now,
    updatedAt: now,
  };
  if (fresh.status === 'claiming' && activity.waitlistCount > 0) {
    const queued = await queueBehindOthers(activity, { ...fresh, attempt: null }, request);
    if (queued === STALE) {
      if (loaded.recent) throw new StaleActivityRead();
      throw signupErrors.closed();
    }
    if (queued) return queued;
  }
  try {
    await signups().add(fresh);
  } catch (error) {
    if (!isDuplicateError(error)) throw error;
    return signUpAgain(activity, fresh, attempt, now);
  }
  if (fresh.status === 'pending_approval') return { signup: fresh, activity, waitlistPosition: null };
  return settleClaim(activity, fresh, attempt, now, { tell: true });
}

/** How long a claim in flight is waited for before it is taken for dead and taken over. */
export const CLAIM_LEASE_MS = 10_000;

/**
 * The person has a sign-up for this activity already. Ended ones (cancelled, expired, rejected,
 * removed) start again under this attempt. One being claimed right now — a double tap, a second
 * phone, a retry that lost its request id — is waited for and its outcome answered: never a
 * second claim, so never a second seat. A claim older than the lease is an attempt that died; it
 * is taken over (safely: the seat it may hold is adopted, and should it wake up, it can settle
 * nothing and gives back any seat it took). Live sign-ups answer "already signed up".
 */
async function signUpAgain(activity: ActivityDoc, fresh: SignupDoc, attempt: ClaimAttempt, now: Date): Promise<SignupOutcome> {
  const _ = database().command;
  const { _id: id, ...fields } = fresh;
  for (;;) {
    const existing = await findSignup(id);
    if (!existing) throw signupErrors.stateChanged();
    if (existing.status === 'claiming') {
      const attemptAt = existing.attempt?.at ?? existing.updatedAt;
      if (now.getTime() - attemptAt.getTime() < CLAIM_LEASE_MS) {
        const settled = await claimSettled(id, existing.attempt?.id ?? null);
        if (settled) return outcomeOfSettled(activity, settled);
      }
      // Dead (or past its lease): take it over, if nobody else just did.
      const owner = existing.attempt ? { 'attempt.id': existing.attempt.id } : { attempt: _.exists(false) };
      const taken = await signups().where({ _id: id, status: 'claiming', ...owner }).update({ attempt, updatedAt: now });
      if (taken.updated === 1) return settleClaim(activity, { ...existing, attempt, updatedAt: now }, attempt, now, { deadAttemptId: existing.attempt?.id ?? null, tell: true });
      continue;
    }
    if (ENDED.includes(existing.status)) {
      const status = fresh.status === 'pending_approval' ? 'pending_approval' : 'claiming';
      const again = await signups()
        .where({ _id: id, status: existing.status })
        .update({ ...fields, status, attempt: status === 'claiming' ? attempt : null, createdAt: existing.createdAt });
      if (again.updated !== 1) continue;
      const restarted: SignupDoc = { ...existing, ...fresh, status, attempt: status === 'claiming' ? attempt : null, createdAt: existing.createdAt };
      if (status === 'pending_approval') return { signup: restarted, activity, waitlistPosition: null };
      return settleClaim(activity, restarted, attempt, now, { tell: true });
    }
    throw existing.status === 'no_show' ? signupErrors.alreadyNoShow() : signupErrors.alreadySignedUp();
  }
}

/** Statuses after which a person may sign up again. */
const ENDED: ReadonlyArray<SignupDoc['status']> = ['cancelled', 'late_cancelled', 'expired', 'rejected', 'removed'];

/**
 * Waits (polling with backoff, within the lease) until the claim `attemptId` settles; answers
 * the settled sign-up, or null when the claim is still open when the lease runs out or another
 * attempt took it over.
 */
async function claimSettled(id: string, attemptId: string | null): Promise<SignupDoc | null> {
  const deadline = Date.now() + CLAIM_LEASE_MS;
  for (let pause = 5; Date.now() < deadline; pause = Math.min(pause * 2, 250)) {
    await new Promise((resolve) => setTimeout(resolve, pause));
    const current = await findSignup(id);
    if (!current) return null;
    if (current.status !== 'claiming') return current;
    if ((current.attempt?.id ?? null) !== attemptId) return null;
  }
  return null;
}

/** The outcome of a sign-up another attempt settled: what the person holds now and the seats now. */
async function outcomeOfSettled(activity: ActivityDoc, signup: SignupDoc): Promise<SignupOutcome> {
  const current = (await findActivity(activity._id)) ?? activity;
  return { signup, activity: current, waitlistPosition: await waitlistPosition(signup), settledElsewhere: true };
}

/**
 * Waitlisted sign-ups of one activity written by this instance together go in one insert. If
 * it fails (someone of the batch had a sign-up already), each is written on its own, and one
 * found already there with the place it drew is its own from a batch that got partly in.
 */
const waitlistedInserts = new Coalescer<SignupDoc, 'added' | 'duplicate' | Error>(async (_activityId, docs) => {
  try {
    await signups().add(docs);
    return docs.map(() => 'added' as const);
  } catch {
    return Promise.all(
      docs.map(async (doc) => {
        try {
          await signups().add(doc);
          return 'added' as const;
        } catch (error) {
          if (!isDuplicateError(error)) return asError(error);
          const existing = await findSignup(doc._id);
          return existing?.status === 'waitlisted' && existing.waitSeq === doc.waitSeq ? ('added' as const) : ('duplicate' as const);
        }
      }),
    );
  }
});

const STALE = 'stale' as const;

/**
 * With people already in line a newcomer can only queue (see `claimUnlessOthersWait`): the place
 * is drawn first — only while the activity still takes sign-ups (STALE when it no longer does) —
 * and the sign-up written once, already waitlisted, with the request's answer kept on it
 * (`request`): a crowd on a full activity costs each newcomer the draw and the insert. Null when
 * the person has a sign-up already (the place is given back and the usual path sorts it out).
 */
async function queueBehindOthers(activity: ActivityDoc, fresh: SignupDoc, request?: SignupRequest): Promise<SignupOutcome | typeof STALE | null> {
  const place = await takeWaitlistPlaceWhileOpen(activity._id, fresh._id);
  if (!place) return STALE;
  const queued: SignupDoc = { ...fresh, status: 'waitlisted', waitSeq: place.waitSeq, told: toldOf('waitlisted', activity, place.position, new Date(fresh.createdAt)) };
  const outcome: SignupOutcome = { signup: queued, activity: place.activity, waitlistPosition: place.position };
  const signup: SignupDoc = request ? { ...outcome.signup, request: { key: request.key, answer: request.answerOf(outcome) } } : outcome.signup;
  const written = await waitlistedInserts.submit(activity._id, signup);
  if (written !== 'added') {
    await returnWaitlistPlace(activity._id);
    if (written === 'duplicate') return null;
    throw written;
  }
  request?.kept();
  return { ...outcome, signup };
}

/**
 * Gives a claiming sign-up its seat or its waitlist place. Only the attempt named on the
 * sign-up can settle it: each step is conditional on it, and an attempt that lost the sign-up
 * to another gives back what it took. `deadAttemptId` (when taking over a claim that died): the
 * seat that attempt may have taken is adopted rather than claiming a second one.
 */
async function settleClaim(
  activity: ActivityDoc,
  signup: SignupDoc,
  attempt: ClaimAttempt,
  now: Date,
  { deadAttemptId, tell = false }: { deadAttemptId?: string | null; tell?: boolean } = {},
): Promise<SignupOutcome> {
  const seat =
    deadAttemptId !== undefined
      ? ((await adoptSeat(signup._id, deadAttemptId, attempt.id)) ?? (await claimUnlessOthersWait(activity, signup._id, attempt.id)))
      : await claimUnlessOthersWait(activity, signup._id, attempt.id);
  if (seat) {
    // `tell`: her notice goes with the write that gives her the seat (SignupDoc.told).
    const told = tell ? { told: toldOf('confirmed', activity, null, now) } : {};
    const won = await signups()
      .where({ _id: signup._id, status: 'claiming', 'attempt.id': attempt.id })
      .update({ status: 'confirmed', seatId: seat._id, attempt: null, updatedAt: now, ...told });
    if (won.updated !== 1) {
      await releaseLostSeat(activity, seat, attempt.id, now);
      return settledElsewhere(activity, signup._id);
    }
    const counted = await countConfirmed(activity._id, 1);
    return { signup: { ...signup, status: 'confirmed', seatId: seat._id, attempt: null, updatedAt: now, ...told }, activity: counted ?? activity, waitlistPosition: null };
  }
  const told = tell ? (position: number) => toldOf('waitlisted', activity, position, now) : undefined;
  const place = await joinWaitlist(activity._id, signup._id, attempt.id, now, told);
  if (!place) return settledElsewhere(activity, signup._id);
  return {
    signup: { ...signup, status: 'waitlisted', attempt: null, waitSeq: place.waitSeq, updatedAt: now, ...(told ? { told: told(place.position) } : {}) },
    activity: place.activity ?? activity,
    waitlistPosition: place.position,
  };
}

/** This attempt lost its sign-up to another (which took it over): answer what that one settled. */
async function settledElsewhere(activity: ActivityDoc, id: string): Promise<SignupOutcome> {
  const current = await findSignup(id);
  if (!current) throw signupErrors.stateChanged();
  const settled = current.status === 'claiming' ? await claimSettled(id, current.attempt?.id ?? null) : current;
  if (!settled) throw signupErrors.stillSettling();
  return outcomeOfSettled(activity, settled);
}

/**
 * A newcomer takes a free seat only while nobody waits: with people in line a seat that frees
 * up is theirs (first in, first out), so the claim is not even tried — which also spares a
 * crowd on a full activity one round trip each. A seat freed in the instant between someone's
 * failed claim and her joining the line is offered by the timer (`offerSeatsToWaiting`).
 */
async function claimUnlessOthersWait(activity: ActivityDoc, signupId: string, attemptId: string): Promise<SeatDoc | null> {
  if (activity.waitlistCount > 0) return null;
  return claimSeat(activity._id, signupId, attemptId);
}

/** Moves the display counter of confirmed sign-ups; answers the activity after the change. */
async function countConfirmed(activityId: string, by: 1 | -1): Promise<ActivityDoc | null> {
  const counted = (await activities().where({ _id: activityId }).updateAndReturn({ confirmedCount: database().command.inc(by) })) as { doc?: ActivityDoc | null };
  return counted.doc ?? null;
}

/** Cancels a sign-up (mine, or one I made as proxy). After the cutoff it counts as late. */
export async function cancelSignup(actor: Actor, activityId: string, forUserId: string | undefined, now: Date): Promise<void> {
  const { activity } = await loadVisibleActivity(actor, activityId, false);
  const userId = forUserId ?? actor.userId;
  const signup = await findSignup(signupIdOf(activityId, userId));
  const mine = signup && (signup.userId === actor.userId || signup.proxy?.userId === actor.userId);
  if (!signup || !mine) throw signupErrors.notFound();
  if (!LIVE.includes(signup.status)) throw signupErrors.alreadyCancelled();
  if (now.getTime() >= activity.endAt.getTime()) throw signupErrors.endedCannotCancel();
  const late = signup.status === 'confirmed' && now.getTime() >= activity.cancelCutoffAt.getTime();
  await endSignup(activity, signup, late ? 'late_cancelled' : 'cancelled', now);
  // endSignup's conditional change lets one cancellation through, so this is told once.
  await notifySignedUp(
    {
      userId,
      kind: 'signup_cancelled',
      params: { activity: activity.title, ...(late ? { late: 1 } : {}) },
      link: activityLink(activityId),
      dedupeKey: `signup-cancelled-${signup._id}-${now.getTime()}`,
    },
    signup.proxy,
  );
}

/** Sign-ups that hold, wait for or are offered a seat, or await approval. */
const LIVE: ReadonlyArray<SignupDoc['status']> = ['confirmed', 'waitlisted', 'offered', 'pending_approval'];

/**
 * Ends a live sign-up (the person cancels or declines, or a leader removes her): one
 * conditional status change decides it, then the counters follow and the seat she held or was
 * offered goes to the head of the line.
 */
async function endSignup(activity: ActivityDoc, signup: SignupDoc, status: 'cancelled' | 'late_cancelled' | 'removed', now: Date): Promise<void> {
  const done = await signups().where({ _id: signup._id, status: signup.status }).update({ status, offerExpiresAt: null, updatedAt: now });
  if (done.updated !== 1) throw signupErrors.stateChanged();
  const _ = database().command;
  if (signup.status === 'confirmed') await activities().doc(activity._id).update({ confirmedCount: _.inc(-1) });
  if (signup.status === 'offered') await activities().doc(activity._id).update({ offeredCount: _.inc(-1) });
  if (signup.status === 'waitlisted') await activities().doc(activity._id).update({ waitlistCount: _.inc(-1) });
  if (signup.status === 'confirmed' || signup.status === 'offered') await passSeatOn(activity, signup, now);
}

/** Confirms a seat offered from the waitlist. */
export async function confirmOffer(actor: Actor, activityId: string, now: Date): Promise<void> {
  const { activity } = await loadVisibleActivity(actor, activityId, false);
  const signup = await findSignup(signupIdOf(activityId, actor.userId));
  if (!signup || signup.status !== 'offered') throw signupErrors.noSeatOffer();
  if (!(await acceptOffer(signup, now))) throw signupErrors.seatOfferExpired();
  const _ = database().command;
  await activities().doc(activity._id).update({ confirmedCount: _.inc(1), offeredCount: _.inc(-1) });
  await notifySignedUp(
    { userId: signup.userId, kind: 'offer_confirmed', params: { activity: activity.title }, link: activityLink(activityId), dedupeKey: `offer-confirmed-${signup._id}-${now.getTime()}` },
    signup.proxy,
  );
}

/**
 * A leader removes someone from the activity before it ends (a duplicate registration, someone
 * who asked by phone to be taken off): her seat or place goes on as if she had cancelled, and
 * she is told why.
 */
export async function removeSignup(actor: Actor, activityId: string, userId: string, reason: string, now: Date): Promise<SignupDoc> {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(activityPolicies, 'signups.manage', actor, resource);
  const signup = await findSignup(signupIdOf(activityId, userId));
  if (!signup || !LIVE.includes(signup.status)) throw signupErrors.residentHasNoSignup();
  if (now.getTime() >= activity.endAt.getTime()) throw signupErrors.endedCannotRemove();
  await endSignup(activity, signup, 'removed', now);
  await notifySignedUp(
    {
      userId,
      kind: 'signup_removed',
      params: { activity: activity.title, reason },
      link: `pages/activity/index?id=${activityId}`,
      dedupeKey: `signup-removed-${signup._id}-${now.getTime()}`,
    },
    signup.proxy,
  );
  return { ...signup, status: 'removed', offerExpiresAt: null, updatedAt: now };
}

/** A leader approves or rejects a sign-up of an activity that asks for approval. */
export async function decideSignup(actor: Actor, activityId: string, userId: string, decision: 'approve' | 'reject', now: Date): Promise<SignupDoc> {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(activityPolicies, 'signups.manage', actor, resource);
  const signup = await findSignup(signupIdOf(activityId, userId));
  if (!signup || signup.status !== 'pending_approval') throw signupErrors.noPendingApproval();
  if (decision === 'reject') {
    await signups().where({ _id: signup._id, status: 'pending_approval' }).update({ status: 'rejected', updatedAt: now });
    await notifySignedUp(
      { userId, kind: 'signup_rejected', params: { activity: activity.title }, link: `pages/activity/index?id=${activityId}`, dedupeKey: `signup-rejected-${signup._id}-${now.getTime()}` },
      signup.proxy,
    );
    return { ...signup, status: 'rejected' };
  }
  const attempt: ClaimAttempt = { id: randomUUID(), at: now };
  const claimed = await signups().where({ _id: signup._id, status: 'pending_approval' }).update({ status: 'claiming', attempt, updatedAt: now });
  if (claimed.updated !== 1) throw signupErrors.stateChanged();
  // A pending sign-up holds no seat: it queues behind anyone already waiting, like a newcomer.
  const { signup: settled } = await settleClaim(activity, { ...signup, status: 'claiming', attempt }, attempt, now);
  await notifySignedUp(
    {
      userId,
      kind: 'signup_approved',
      params: { activity: activity.title, ...(settled.status === 'confirmed' ? {} : { waitlisted: 1 }) },
      link: `pages/activity/index?id=${activityId}`,
      dedupeKey: `signup-approved-${signup._id}-${now.getTime()}`,
    },
    signup.proxy,
  );
  return settled;
}

/** Leaders check people in or out by hand, or mark a no-show (once the activity has started). */
export async function markSignup(actor: Actor, activityId: string, userId: string, mark: 'check_in' | 'check_out' | 'no_show', now: Date): Promise<SignupDoc> {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(activityPolicies, 'signups.manage', actor, resource);
  const signup = await findSignup(signupIdOf(activityId, userId));
  if (!signup || !['confirmed', 'no_show'].includes(signup.status)) throw signupErrors.residentNotConfirmed();
  if (now.getTime() < activity.startAt.getTime() - HOUR) throw signupErrors.checkInTooEarly();
  const changes = stampFor(activity, signup, mark, now);
  if (changes.status === 'no_show') await noteNoShow(userId, now);
  const stamped = await signups().where({ _id: signup._id, status: signup.status }).update(changes);
  if (stamped.updated !== 1) throw signupErrors.stateChanged();
  return { ...signup, ...changes } as SignupDoc;
}

/** What a check-in, check-out or no-show changes; check-outs are capped at the scheduled end. */
function stampFor(activity: ActivityDoc, signup: SignupDoc, mark: 'check_in' | 'check_out' | 'no_show', now: Date): Partial<SignupDoc> {
  if (mark === 'no_show') {
    if (signup.checkedInAt) throw signupErrors.checkedInCannotBeAbsent();
    return { status: 'no_show', updatedAt: now };
  }
  if (mark === 'check_in') return { status: 'confirmed', checkedInAt: signup.checkedInAt ?? now, updatedAt: now };
  if (!signup.checkedInAt) throw signupErrors.notCheckedIn();
  return { checkedOutAt: new Date(Math.min(now.getTime(), activity.endAt.getTime())), updatedAt: now };
}

/** The 6-digit code of a time window; it changes every minute. */
export function checkinCode(secret: string, activityId: string, window: number): string {
  const mac = createHmac('sha256', secret).update(`${activityId}:${window}`).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** The leader's current code and its QR image (scene = activity id + code). */
export async function showCheckinCode(actor: Actor, activityId: string, now: Date) {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(activityPolicies, 'checkin.show', actor, resource);
  const window = Math.floor(now.getTime() / CODE_PERIOD_MS);
  const code = checkinCode(activity.checkinSecret, activity._id, window);
  const image = await qrCodes().forPage('pages/checkin/index', `${activity._id.slice(0, 25)}.${code}`);
  return { code, qr: image.src, payload: image.payload, expiresAt: new Date((window + 1) * CODE_PERIOD_MS).toISOString() };
}

/** A resident checks in or out with the code shown by the leader (this or the previous minute's). */
export async function scanCheckin(actor: Actor, activityId: string, code: string, direction: 'in' | 'out', now: Date): Promise<SignupDoc> {
  const { activity } = await loadVisibleActivity(actor, activityId, false);
  const window = Math.floor(now.getTime() / CODE_PERIOD_MS);
  const valid = [window, window - 1].some((w) => checkinCode(activity.checkinSecret, activity._id, w) === code);
  if (!valid) throw signupErrors.checkInCodeInvalid();
  if (now.getTime() < activity.startAt.getTime() - HOUR || now.getTime() > activity.endAt.getTime() + 2 * HOUR) throw signupErrors.outsideCheckInTime();
  const signup = await findSignup(signupIdOf(activityId, actor.userId));
  if (!signup || signup.status !== 'confirmed') throw signupErrors.noConfirmedSignup();
  const changes = stampFor(activity, signup, direction === 'in' ? 'check_in' : 'check_out', now);
  const stamped = await signups().where({ _id: signup._id, status: 'confirmed' }).update(changes);
  if (stamped.updated !== 1) throw signupErrors.stateChanged();
  return { ...signup, ...changes } as SignupDoc;
}

/** The answer of a sign-up from what it wrote: no reads. */
export function presentSignupOutcome({ signup, activity, waitlistPosition: position }: SignupOutcome) {
  return {
    activityId: activity._id,
    mySignup: presentMySignup(signup, position, null),
    seatsLeft: seatsLeftOf(activity),
    seatsOnOffer: Math.max(0, activity.offeredCount ?? 0),
    waitlistLength: Math.max(0, activity.waitlistCount),
  };
}

/** My sign-up for an activity (or the one I made as proxy) and the seats now. */
export async function signupResult(actor: Actor, activityId: string, forUserId?: string) {
  const [activity, signup] = await Promise.all([findActivity(activityId), findSignup(signupIdOf(activityId, forUserId ?? actor.userId))]);
  const own = signup && (signup.userId === actor.userId || signup.proxy?.userId === actor.userId) ? signup : undefined;
  return {
    activityId,
    mySignup: presentMySignup(own, await waitlistPosition(own), null),
    seatsLeft: activity ? seatsLeftOf(activity) : 0,
    seatsOnOffer: activity ? Math.max(0, activity.offeredCount ?? 0) : 0,
    waitlistLength: activity ? Math.max(0, activity.waitlistCount) : 0,
  };
}
