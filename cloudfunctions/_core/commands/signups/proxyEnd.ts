/** proxies.end: the resident withdraws a consent, or the proxy gives it up. */
import { AppError } from '../../../../src/shared/errors';
import type { Actor } from '../../authz/actor';
import { endConsentsBetween } from '../../repositories/proxies';
import { listProxies } from './proxyList';

/** Ends the consent between the actor and another person (either side). */
export async function endProxy(actor: Actor, otherUserId: string, now: Date) {
  if ((await endConsentsBetween(actor.userId, otherUserId, now)) === 0) throw new AppError('NOT_FOUND', '没有这项代报名授权');
  return listProxies(actor);
}
