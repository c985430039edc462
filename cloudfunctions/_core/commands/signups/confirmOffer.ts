/** signups.confirmOffer: a waiting resident takes the seat offered to her from the waitlist. */
import { signupErrors } from '../../../../src/shared/domainErrors';
import type { Actor } from '../../authz/actor';
import { actingFor, logProxyAct } from '../../authz/proxies';
import { loadVisibleActivity } from '../../authz/activities';
import { acceptOffer } from '../../ledger/seatLedger';
import { notifySignedUp } from '../../ports/notify';
import { moveCounters } from '../../repositories/activities';
import { findSignup, signupIdOf } from '../../repositories/signups';
import { activityLink } from './notices';

/** Confirms a seat offered from the waitlist: hers, or (`forUserId`) as her proxy while her consent is active. */
export async function confirmOffer(actor: Actor, activityId: string, now: Date, forUserId?: string): Promise<void> {
  const { activity } = await loadVisibleActivity(actor, activityId, false);
  const acting = await actingFor(actor, forUserId);
  const signup = await findSignup(signupIdOf(activityId, acting.userId));
  if (!signup || signup.status !== 'offered') throw signupErrors.noSeatOffer();
  if (!(await acceptOffer(signup, now))) throw signupErrors.seatOfferExpired();
  await moveCounters(activity._id, { confirmedCount: 1, offeredCount: -1 });
  await notifySignedUp(
    { userId: signup.userId, kind: 'offer_confirmed', params: { activity: activity.title }, link: activityLink(activityId), dedupeKey: `offer-confirmed-${signup._id}-${now.getTime()}` },
    signup.proxy,
  );
  await logProxyAct(actor, acting, 'confirm_offer', activity, now);
}
