/** proxies.list: whom I may sign up, and who may sign me up. */
import type { Actor } from '../../authz/actor';
import { activeConsentsOf, type ProxyDoc } from '../../repositories/proxies';
import { findUser } from '../../repositories/users';

/** The actor's active consents on both sides, with the other person's nickname and whether she has a phone of her own. */
export async function listProxies(actor: Actor) {
  const { asProxy, asElder } = await activeConsentsOf(actor.userId);
  const view = async (doc: ProxyDoc, other: string) => {
    const user = await findUser(other);
    return {
      userId: other,
      nickname: user?.nickname ?? '',
      relation: doc.relation,
      since: (doc.consentedAt ?? doc.createdAt).toISOString(),
      hasOwnAccount: user?.hasOwnAccount !== false,
    };
  };
  return {
    canActFor: await Promise.all(asProxy.map((d) => view(d, d.elderUserId!))),
    actingForMe: await Promise.all(asElder.map((d) => view(d, d.proxyUserId))),
  };
}
