/** proxies.accept: the resident enters the proxy's code — her consent is recorded. */
import type { Actor } from '../../authz/actor';
import { consentOnce, openRequestOfCode } from '../../repositories/proxies';
import { digest } from '../../runtime/hash';
import { listProxies } from './proxyList';
import { proxyErrors } from '../../../../src/shared/domainErrors';

/** Records the consent and answers the actor's consents as they are now. */
export async function acceptProxyCode(actor: Actor, code: string, now: Date) {
  const request = await openRequestOfCode(digest('proxy', code), now);
  if (!request) throw proxyErrors.codeInvalid();
  if (request.proxyUserId === actor.userId) throw proxyErrors.cannotAuthorizeSelf();
  if (!(await consentOnce(request._id, actor.userId, now))) throw proxyErrors.codeInvalid();
  return listProxies(actor);
}
