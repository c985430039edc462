/** proxies.accept: the resident enters the proxy's code — her consent is recorded. */
import { AppError } from '../../../../src/shared/errors';
import type { Actor } from '../../authz/actor';
import { consentOnce, openRequestOfCode } from '../../repositories/proxies';
import { digest } from '../../runtime/hash';
import { listProxies } from './proxyList';

/** Records the consent and answers the actor's consents as they are now. */
export async function acceptProxyCode(actor: Actor, code: string, now: Date) {
  const request = await openRequestOfCode(digest('proxy', code), now);
  if (!request) throw new AppError('NOT_FOUND', '授权码不正确或已过期');
  if (request.proxyUserId === actor.userId) throw new AppError('CONFLICT', '不能授权给自己');
  if (!(await consentOnce(request._id, actor.userId, now))) throw new AppError('NOT_FOUND', '授权码不正确或已过期');
  return listProxies(actor);
}
