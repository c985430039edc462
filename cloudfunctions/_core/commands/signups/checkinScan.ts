/** checkin.scan: a resident checks in or out with the code her leader shows. */
import { signupErrors } from '../../../../src/shared/domainErrors';
import type { Actor } from '../../authz/actor';
import { actingFor, logProxyAct } from '../../authz/proxies';
import { loadVisibleActivity } from '../../authz/activities';
import { findSignup, signupIdOf, updateSignupWhile, type SignupDoc } from '../../repositories/signups';
import { checkinCode, CODE_PERIOD_MS } from './rotatingCode';
import { HOUR, stampFor } from './stamps';

/**
 * A resident checks in or out with the code shown by the leader (this or the previous minute's)
 * — or her proxy does it for her (`forUserId`, while her consent is active), standing beside her.
 */
export async function scanCheckin(actor: Actor, activityId: string, code: string, direction: 'in' | 'out', now: Date, forUserId?: string): Promise<SignupDoc> {
  const { activity } = await loadVisibleActivity(actor, activityId, false);
  const window = Math.floor(now.getTime() / CODE_PERIOD_MS);
  const valid = [window, window - 1].some((w) => checkinCode(activity.checkinSecret, activity._id, w) === code);
  if (!valid) throw signupErrors.checkInCodeInvalid();
  if (now.getTime() < activity.startAt.getTime() - HOUR || now.getTime() > activity.endAt.getTime() + 2 * HOUR) throw signupErrors.outsideCheckInTime();
  const acting = await actingFor(actor, forUserId);
  const signup = await findSignup(signupIdOf(activityId, acting.userId));
  if (!signup || signup.status !== 'confirmed') throw signupErrors.noConfirmedSignup();
  const changes = stampFor(activity, signup, direction === 'in' ? 'check_in' : 'check_out', now);
  const stamped = await updateSignupWhile(signup._id, 'confirmed', changes);
  if (!stamped) throw signupErrors.stateChanged();
  await logProxyAct(actor, acting, direction === 'in' ? 'check_in' : 'check_out', activity, now);
  return { ...signup, ...changes };
}
