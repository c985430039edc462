/** What the signups function shows: a roster's entries, and what a sign-up came to. */
import type { ActivityDoc } from '../repositories/activities';
import type { SignupDoc } from '../repositories/signups';
import { presentMySignup, seatsLeftOf } from './activities';

/** One person on the roster (a claim in flight shows as waiting; "missing check-out" once the activity ended). */
export function presentRosterEntry(s: SignupDoc, users: Map<string, { nickname: string }>, activity: ActivityDoc, now: Date) {
  return {
    signupId: s._id,
    userId: s.userId,
    nickname: users.get(s.userId)?.nickname ?? '',
    status: s.status === 'claiming' ? ('waitlisted' as const) : s.status,
    waitSeq: s.waitSeq,
    proxy: s.proxy ? { nickname: users.get(s.proxy.userId)?.nickname ?? '', relation: s.proxy.relation } : null,
    checkedInAt: s.checkedInAt ? s.checkedInAt.toISOString() : null,
    checkedOutAt: s.checkedOutAt ? s.checkedOutAt.toISOString() : null,
    missingCheckOut: s.checkedInAt !== null && s.checkedOutAt === null && now.getTime() > activity.endAt.getTime(),
  };
}

/** What `presentSignupOutcome` reads of a settled sign-up (commands/signups/claims.ts, SignupOutcome). */
export interface SettledSignup {
  signup: SignupDoc;
  activity: ActivityDoc;
  waitlistPosition: number | null;
}

/** The answer of a sign-up from what it wrote: no reads. */
export function presentSignupOutcome({ signup, activity, waitlistPosition: position }: SettledSignup) {
  return {
    activityId: activity._id,
    mySignup: presentMySignup(signup, position, null),
    seatsLeft: seatsLeftOf(activity),
    seatsOnOffer: Math.max(0, activity.offeredCount ?? 0),
    waitlistLength: Math.max(0, activity.waitlistCount),
  };
}

/** My sign-up for an activity (`own`: mine or one I made as proxy) and the seats now, read afresh. */
export function presentSignupResult(activityId: string, activity: ActivityDoc | null, own: SignupDoc | undefined, position: number | null) {
  return {
    activityId,
    mySignup: presentMySignup(own, position, null),
    seatsLeft: activity ? seatsLeftOf(activity) : 0,
    seatsOnOffer: activity ? Math.max(0, activity.offeredCount ?? 0) : 0,
    waitlistLength: activity ? Math.max(0, activity.waitlistCount) : 0,
  };
}
