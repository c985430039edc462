/** signups.remove: a leader takes someone off an activity before it ends. */
import { signupErrors } from '../../../../src/shared/domainErrors';
import { signupPolicies } from '../../../../src/shared/policies/signups';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { notifySignedUp } from '../../ports/notify';
import { findSignup, signupIdOf, type SignupDoc } from '../../repositories/signups';
import { endSignup, LIVE } from './ending';

/**
 * A leader removes someone from the activity before it ends (a duplicate registration, someone
 * who asked by phone to be taken off): her seat or place goes on as if she had cancelled, and
 * she is told why.
 */
export async function removeSignup(actor: Actor, activityId: string, userId: string, reason: string, now: Date): Promise<SignupDoc> {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(signupPolicies, 'signups.manage', actor, resource);
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
