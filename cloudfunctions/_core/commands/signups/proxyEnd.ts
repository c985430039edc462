/** proxies.end: the resident withdraws a consent, or the proxy gives it up. */
import type { Actor } from '../../authz/actor';
import { endConsentsBetween } from '../../repositories/proxies';
import { listProxies } from './proxyList';
import { proxyErrors } from '../../../../src/shared/domainErrors';

/** Ends the consent between the actor and another person (either side). */
export async function endProxy(actor: Actor, otherUserId: string, now: Date) {
  if ((await endConsentsBetween(actor.userId, otherUserId, now)) === 0) throw proxyErrors.grantNotFound();
  return listProxies(actor);
}
