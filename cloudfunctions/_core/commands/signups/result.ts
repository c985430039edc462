/** What the sign-up verbs answer: my sign-up for an activity and the seats now (signups.cancel, confirmOffer, checkin.scan, an approval request). */
import type { Actor } from '../../authz/actor';
import { presentSignupResult } from '../../presenters/signups';
import { findActivity } from '../../repositories/activities';
import { findSignup, signupIdOf, waitlistPosition } from '../../repositories/signups';

/**
 * My sign-up for an activity (or one I made as proxy) and the seats now. With `forUserId` the
 * calling verb has already checked the actor's active consent for her (proxyActing.ts), so
 * any of her proxies sees the sign-up he acted on.
 */
export async function signupResult(actor: Actor, activityId: string, forUserId?: string) {
  const [activity, signup] = await Promise.all([findActivity(activityId), findSignup(signupIdOf(activityId, forUserId ?? actor.userId))]);
  const own = signup && (signup.userId === actor.userId || signup.proxy?.userId === actor.userId || (forUserId !== undefined && signup.userId === forUserId)) ? signup : undefined;
  return presentSignupResult(activityId, activity, own, await waitlistPosition(own));
}
