/** signups.mark: leaders check people in or out by hand, or mark a no-show. */
import { signupErrors } from '../../../../src/shared/domainErrors';
import { signupPolicies } from '../../../../src/shared/policies/signups';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { findSignup, signupIdOf, updateSignupWhile, type SignupDoc } from '../../repositories/signups';
import { noteNoShow } from '../../repositories/users';
import { HOUR, stampFor } from './stamps';

/** Leaders check people in or out by hand, or mark a no-show (once the activity has started). */
export async function markSignup(actor: Actor, activityId: string, userId: string, mark: 'check_in' | 'check_out' | 'no_show', now: Date): Promise<SignupDoc> {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(signupPolicies, 'signups.manage', actor, resource);
  const signup = await findSignup(signupIdOf(activityId, userId));
  if (!signup || !['confirmed', 'no_show'].includes(signup.status)) throw signupErrors.residentNotConfirmed();
  if (now.getTime() < activity.startAt.getTime() - HOUR) throw signupErrors.checkInTooEarly();
  const changes = stampFor(activity, signup, mark, now);
  if (changes.status === 'no_show') await noteNoShow(userId, now);
  const stamped = await updateSignupWhile(signup._id, signup.status, changes);
  if (!stamped) throw signupErrors.stateChanged();
  return { ...signup, ...changes };
}
