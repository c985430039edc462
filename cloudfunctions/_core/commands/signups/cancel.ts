/** signups.cancel: a resident cancels her sign-up (or one she made as proxy); after the cutoff it counts as late. */
import { signupErrors } from '../../../../src/shared/domainErrors';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { notifySignedUp } from '../../ports/notify';
import { findSignup, signupIdOf } from '../../repositories/signups';
import { endSignup, LIVE } from './ending';
import { activityLink } from './notices';

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
