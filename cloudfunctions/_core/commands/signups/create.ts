/**
 * signups.create: one sign-up per person per activity (the sign-up id derives from both), a seat
 * from the seat ledger or a place at the end of the waitlist, approval when the activity asks,
 * proxy sign-up for elderly residents who consented, and no-show blocking. A double tap, a
 * second phone or a retry waits for the claim in flight (claims.ts) rather than claiming twice.
 */
import { randomUUID } from 'node:crypto';
import { signupErrors } from '../../../../src/shared/domainErrors';
import { asError } from '../../../../src/shared/errors';
import { signupPolicies } from '../../../../src/shared/policies/signups';
import type { SignupsCreateInput } from '../../../../src/shared/schemas/signups';
import type { Actor } from '../../authz/actor';
import { logProxyAct } from '../../authz/proxies';
import { loadVisibleActivity, refreshRecentActivityRead } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { returnWaitlistPlace, takeWaitlistPlaceWhileOpen } from '../../ledger/seatLedger';
import { noticeLocaleOf } from '../../ports/noticeTexts';
import { notifier, proxyCopyKey, type Notice } from '../../ports/notify';
import type { ActivityDoc } from '../../repositories/activities';
import type { GroupDoc } from '../../repositories/groups';
import { activeConsentFor } from '../../repositories/proxies';
import { addSignup, addSignups, CLAIM_LEASE_MS, findSignup, recentNoShows, signupIdOf, takeOverClaim, updateSignupWhile, type ClaimAttempt, type SignupDoc } from '../../repositories/signups';
import type { UserDoc } from '../../repositories/users';
import { Coalescer } from '../../runtime/coalesce';
import { isDuplicateError } from '../../runtime/dbErrors';
import { claimSettled, outcomeOfSettled, settleClaim, type SignupOutcome } from './claims';
import { RECENT_READ_MS, type WaitlistHeadStart } from './headStart';
import { activityLink, toldOf } from './notices';
import { assertSignupRulesAllow } from './signupRules';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A group's no-show limit counts no-shows in this window, and blocks sign-up for the next period. */
export const NO_SHOW_WINDOW_DAYS = 90;
export const NO_SHOW_BLOCK_DAYS = 30;

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
  const noShows = await recentNoShows(userId, activity.groupId, new Date(now.getTime() - NO_SHOW_WINDOW_DAYS * DAY), group.noShowLimit);
  if (noShows.length < group.noShowLimit) return;
  const blockedUntil = new Date(noShows[0]!.startAt.getTime() + NO_SHOW_BLOCK_DAYS * DAY);
  if (blockedUntil.getTime() > now.getTime()) {
    throw signupErrors.blockedForNoShows({ count: noShows.length, until: blockedUntil.toISOString().slice(0, 10) });
  }
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
    await notifier().notify({ ...notice, userId: signup.proxy.userId, params: { ...notice.params, onBehalf: 1 }, dedupeKey: proxyCopyKey(notice.dedupeKey, signup.proxy.userId) });
  }
}

/*
 * How old a read of the activity a newcomer may decide on, when people already wait
 * (RECENT_READ_MS, headStart.ts): she can only queue then, and the draw of her place re-checks on
 * the activity itself that it still takes sign-ups (seatLedger.ts, takeWaitlistPlaceWhileOpen).
 * Saves a crowd on a full activity the activity's and group's reads on every call but one a
 * second per warm instance.
 */

/** The activity changed since the recent read a sign-up decided on: decide again on a fresh read. */
class StaleActivityRead extends Error {}

/**
 * Where a sign-up keeps the result of the request that made it (`SignupDoc.request`): a retry of
 * that request replays it from the sign-up itself, so the pipeline stores nothing more for it.
 */
export interface SignupRequest {
  key: string;
  /** The digest of the request's input: a resend is replayed from the sign-up only for the same input. */
  inputHash: string;
  /** The answer as the pipeline sends it (the action's checked output, in its envelope). */
  answerOf(outcome: SignupOutcome): string;
  /** Says the result was kept on the sign-up (createHandler then stores none). */
  kept(): void;
}

/**
 * Signs up (myself or, as a consented proxy, an elderly resident), and tells her what it came to.
 * `headStart`: her place in line, drawn beside her mark (headStart.ts) — used if she queues,
 * else left for the pipeline to give back.
 */
export async function createSignup(actor: Actor, input: SignupsCreateInput, now: Date, request?: SignupRequest, headStart?: WaitlistHeadStart): Promise<SignupOutcome> {
  let outcome: SignupOutcome;
  try {
    outcome = await signUp(actor, input, now, RECENT_READ_MS, request, headStart);
  } catch (error) {
    if (!(error instanceof StaleActivityRead)) throw error;
    outcome = await signUp(actor, input, now, 0, request);
  }
  if (!outcome.settledElsewhere) {
    await tellBeyondTheSignup(outcome, actor, now);
    const proxy = outcome.signup.proxy;
    if (proxy && proxy.userId === actor.userId) await logProxyAct(actor, { userId: outcome.signup.userId, consentId: proxy.consentId }, 'signup', outcome.activity, now);
  }
  return outcome;
}

/** The result a sign-up kept for the request `key` of `userId` (see SignupRequest), or null. */
export async function keptSignupResult(userId: string, input: SignupsCreateInput, key: string): Promise<{ answer: string; inputHash: string | null } | null> {
  const signup = await findSignup(signupIdOf(input.activityId, input.forUserId ?? userId));
  return signup?.request?.key === key ? { answer: signup.request.answer, inputHash: signup.request.inputHash ?? null } : null;
}

async function signUp(actor: Actor, input: SignupsCreateInput, now: Date, maxAgeMs: number, request?: SignupRequest, headStart?: WaitlistHeadStart): Promise<SignupOutcome> {
  let loaded = await loadVisibleActivity(actor, input.activityId, false, maxAgeMs);
  // A recent read decides only for a newcomer who can only queue; anything else reads afresh.
  if (loaded.recent && !(loaded.activity.waitlistCount > 0 && !loaded.activity.approvalRequired)) loaded = await loadVisibleActivity(actor, input.activityId, false);
  const { activity, group, resource } = loaded;
  authorize(signupPolicies, 'signups.create', actor, resource);
  if (now.getTime() < activity.signupOpenAt.getTime()) throw signupErrors.notOpenYet();
  if (now.getTime() >= activity.signupCloseAt.getTime()) throw signupErrors.closed();
  let userId = actor.userId;
  let proxy: SignupDoc['proxy'] = null;
  if (input.forUserId && input.forUserId !== actor.userId) {
    const consent = await activeConsentFor(actor.userId, input.forUserId);
    // Without consent the person is, for this caller, as good as unknown.
    if (!consent) throw signupErrors.noProxyFor();
    userId = input.forUserId;
    proxy = { userId: actor.userId, relation: consent.relation, consentId: consent._id };
  }
  if (activity.minAge !== null && activity.minAge >= 18 && input.guardianConsent === true) {
    throw signupErrors.adultsOnly();
  }
  // Skills, minimum age and guardian consent, for whoever the sign-up is for (signupRules.ts).
  await assertSignupRulesAllow(userId, activity, input.guardianConsent === true, userId === actor.userId ? actor.user : undefined);
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
    const queued = await queueBehindOthers(activity, { ...fresh, attempt: null }, request, headStart);
    if (queued === STALE) {
      if (loaded.recent) throw new StaleActivityRead();
      throw signupErrors.closed();
    }
    if (queued) return queued;
  }
  try {
    await addSignup(fresh);
  } catch (error) {
    if (!isDuplicateError(error)) throw error;
    return signUpAgain(activity, fresh, attempt, now);
  }
  if (fresh.status === 'pending_approval') return { signup: fresh, activity, waitlistPosition: null };
  return settleClaim(activity, fresh, attempt, now, { tell: true });
}

/**
 * The person has a sign-up for this activity already. Ended ones (cancelled, expired, rejected,
 * removed) start again under this attempt. One being claimed right now — a double tap, a second
 * phone, a retry that lost its request id — is waited for and its outcome answered: never a
 * second claim, so never a second seat. A claim older than the lease is an attempt that died; it
 * is taken over (safely: the seat it may hold is adopted, and should it wake up, it can settle
 * nothing and gives back any seat it took). Live sign-ups answer "already signed up".
 */
async function signUpAgain(activity: ActivityDoc, fresh: SignupDoc, attempt: ClaimAttempt, now: Date): Promise<SignupOutcome> {
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
      const taken = await takeOverClaim(id, existing.attempt, attempt, now);
      if (taken) return settleClaim(activity, { ...existing, attempt, updatedAt: now }, attempt, now, { deadAttemptId: existing.attempt?.id ?? null, tell: true });
      continue;
    }
    if (ENDED.includes(existing.status)) {
      const status = fresh.status === 'pending_approval' ? 'pending_approval' : 'claiming';
      const again = await updateSignupWhile(id, existing.status, { ...fields, status, attempt: status === 'claiming' ? attempt : null, createdAt: existing.createdAt });
      if (!again) continue;
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
 * Waitlisted sign-ups of one activity written by this instance together go in one insert. If
 * it fails (someone of the batch had a sign-up already), each is written on its own, and one
 * found already there with the place it drew is its own from a batch that got partly in.
 */
const waitlistedInserts = new Coalescer<SignupDoc, 'added' | 'duplicate' | Error>(async (_activityId, docs) => {
  try {
    await addSignups(docs);
    return docs.map(() => 'added' as const);
  } catch {
    return Promise.all(
      docs.map(async (doc) => {
        try {
          await addSignup(doc);
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
 * With people already in line a newcomer can only queue (see claims.ts, `claimUnlessOthersWait`): the place
 * is drawn first — only while the activity still takes sign-ups (STALE when it no longer does) —
 * and the sign-up written once, already waitlisted, with the request's answer kept on it
 * (`request`): a crowd on a full activity costs each newcomer the draw and the insert. Null when
 * the person has a sign-up already (the place is given back and the usual path sorts it out).
 * A place drawn by her head start is used when there is one (an empty head start draws here).
 */
async function queueBehindOthers(activity: ActivityDoc, fresh: SignupDoc, request?: SignupRequest, headStart?: WaitlistHeadStart): Promise<SignupOutcome | typeof STALE | null> {
  const drawnAhead = headStart?.take(activity._id);
  const place = (drawnAhead ? await drawnAhead : null) ?? (await takeWaitlistPlaceWhileOpen(activity._id, fresh._id));
  if (!place) return STALE;
  refreshRecentActivityRead(place.activity);
  const queued: SignupDoc = { ...fresh, status: 'waitlisted', waitSeq: place.waitSeq, told: toldOf('waitlisted', activity, place.position, new Date(fresh.createdAt)) };
  const outcome: SignupOutcome = { signup: queued, activity: place.activity, waitlistPosition: place.position };
  const signup: SignupDoc = request ? { ...outcome.signup, request: { key: request.key, answer: request.answerOf(outcome), inputHash: request.inputHash } } : outcome.signup;
  const written = await waitlistedInserts.submit(activity._id, signup);
  if (written !== 'added') {
    await returnWaitlistPlace(activity._id);
    if (written === 'duplicate') return null;
    throw written;
  }
  request?.kept();
  return { ...outcome, signup };
}
