/** signups.cancel: a resident cancels her sign-up (or one she made as proxy); after the cutoff it counts as late. */
import { signupErrors } from '../../../../src/shared/domainErrors';
import type { Actor } from '../../authz/actor';
import { actingFor, logProxyAct } from '../../authz/proxies';
import { loadVisibleActivity } from '../../authz/activities';
import { notifySignedUp } from '../../ports/notify';
import { findSignup, signupIdOf } from '../../repositories/signups';
import { endSignup, LIVE } from './ending';
import { activityLink } from './notices';

/**
 * Cancels a sign-up: mine, or — as her proxy, while her consent is active (a withdrawn consent
 * refuses at once) — hers. After the cutoff it counts as late.
 */
export async function cancelSignup(actor: Actor, activityId: string, forUserId: string | undefined, now: Date): Promise<void> {
  const { activity } = await loadVisibleActivity(actor, activityId, false);
  const acting = await actingFor(actor, forUserId);
  const userId = acting.userId;
  const signup = await findSignup(signupIdOf(activityId, userId));
  if (!signup) throw signupErrors.notFound();
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
  await logProxyAct(actor, acting, 'cancel', activity, now);
}
