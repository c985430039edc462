/** checkin.code: the leader's current check-in code and its QR image. */
import { signupPolicies } from '../../../../src/shared/policies/signups';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { qrCodes } from '../../ports/qrCode';
import { checkinCode, CODE_PERIOD_MS } from './rotatingCode';

/** The leader's current code and its QR image (scene = activity id + code). */
export async function showCheckinCode(actor: Actor, activityId: string, now: Date) {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(signupPolicies, 'checkin.show', actor, resource);
  const window = Math.floor(now.getTime() / CODE_PERIOD_MS);
  const code = checkinCode(activity.checkinSecret, activity._id, window);
  const image = await qrCodes().forPage('pages/checkin/index', `${activity._id.slice(0, 25)}.${code}`);
  return { code, qr: image.src, payload: image.payload, expiresAt: new Date((window + 1) * CODE_PERIOD_MS).toISOString() };
}
