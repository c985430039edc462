/**
 * A claim: how a sign-up in `claiming` gets its seat or its place in line, shared by sign-up
 * (signups.create) and approval (signups.decide). Only the attempt named on the sign-up can
 * settle it, and a double tap waits for the attempt in flight rather than claiming twice.
 */
import { signupErrors } from '../../../../src/shared/domainErrors';
import { refreshRecentActivityRead } from '../../authz/activities';
import { adoptSeat, claimSeat, joinWaitlist, releaseLostSeat } from '../../ledger/seatLedger';
import { countConfirmed, findActivity, type ActivityDoc } from '../../repositories/activities';
import type { SeatDoc } from '../../repositories/seats';
import { CLAIM_LEASE_MS, findSignup, settleClaimOf, waitlistPosition, type ClaimAttempt, type SignupDoc } from '../../repositories/signups';
import { toldOf } from './notices';

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

/**
 * Gives a claiming sign-up its seat or its waitlist place. Only the attempt named on the
 * sign-up can settle it: each step is conditional on it, and an attempt that lost the sign-up
 * to another gives back what it took. `deadAttemptId` (when taking over a claim that died): the
 * seat that attempt may have taken is adopted rather than claiming a second one.
 */
export async function settleClaim(
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
    const won = await settleClaimOf(signup._id, attempt.id, { status: 'confirmed', seatId: seat._id, attempt: null, updatedAt: now, ...told });
    if (!won) {
      await releaseLostSeat(activity, seat, attempt.id, now);
      return settledElsewhere(activity, signup._id);
    }
    const counted = await countConfirmed(activity._id, 1);
    return { signup: { ...signup, status: 'confirmed', seatId: seat._id, attempt: null, updatedAt: now, ...told }, activity: counted ?? activity, waitlistPosition: null };
  }
  const told = tell ? (position: number) => toldOf('waitlisted', activity, position, now) : undefined;
  const place = await joinWaitlist(activity._id, signup._id, attempt.id, now, told);
  if (!place) return settledElsewhere(activity, signup._id);
  if (place.activity) refreshRecentActivityRead(place.activity);
  return {
    signup: { ...signup, status: 'waitlisted', attempt: null, waitSeq: place.waitSeq, updatedAt: now, ...(told ? { told: told(place.position) } : {}) },
    activity: place.activity ?? activity,
    waitlistPosition: place.position,
  };
}

/** This attempt lost its sign-up to another (which took it over): answer what that one settled. */
export async function settledElsewhere(activity: ActivityDoc, id: string): Promise<SignupOutcome> {
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

/**
 * Waits (polling with backoff, within the lease) until the claim `attemptId` settles; answers
 * the settled sign-up, or null when the claim is still open when the lease runs out or another
 * attempt took it over.
 */
export async function claimSettled(id: string, attemptId: string | null): Promise<SignupDoc | null> {
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
export async function outcomeOfSettled(activity: ActivityDoc, signup: SignupDoc): Promise<SignupOutcome> {
  const current = (await findActivity(activity._id)) ?? activity;
  return { signup, activity: current, waitlistPosition: await waitlistPosition(signup), settledElsewhere: true };
}
