/** proxies.history: every consent a resident gave — given when, witnessed by whom, ended by whom and why. */
import { residentProxyPolicies, type ResidentResource } from '../../../../src/shared/policies/signups';
import type { ProxyHistoryOutput } from '../../../../src/shared/schemas/signups';
import type { Actor } from '../../authz/actor';
import { abilities } from '../../authz/authorize';
import { loadResidentForProxies } from '../../authz/proxies';
import { consentsOfResident } from '../../repositories/proxies';
import { nicknamesOf, type UserDoc } from '../../repositories/users';

/** Her consent history as the actor may see it, with what the actor may do about it. */
export async function consentHistory(actor: Actor, residentUserId: string | undefined): Promise<ProxyHistoryOutput> {
  const { user, resource } = await loadResidentForProxies(actor, residentUserId);
  return historyOf(actor, user, resource);
}

/** The history of a resident already loaded (proxies.withdraw answers it too). */
export async function historyOf(actor: Actor, user: UserDoc, resource: ResidentResource): Promise<ProxyHistoryOutput> {
  const consents = (await consentsOfResident(user._id)).filter((c) => c.status !== 'requested');
  const names = await nicknamesOf([...new Set(consents.flatMap((c) => [c.proxyUserId, ...(c.witness ? [c.witness.byUserId] : []), ...(c.endedBy ? [c.endedBy] : [])]))]);
  const nameOf = (id: string) => (id === user._id ? user.nickname : (names.get(id) ?? ''));
  return {
    resident: { userId: user._id, nickname: user.nickname, hasOwnAccount: user.hasOwnAccount !== false },
    items: consents.map((c) => ({
      consentId: c._id,
      proxyUserId: c.proxyUserId,
      proxyNickname: nameOf(c.proxyUserId),
      relation: c.relation,
      status: c.status === 'active' ? ('active' as const) : ('ended' as const),
      givenAt: (c.consentedAt ?? c.createdAt).toISOString(),
      witness: c.witness ? { byNickname: nameOf(c.witness.byUserId), form: c.witness.form, ref: c.witness.ref } : null,
      endedAt: c.endedAt ? c.endedAt.toISOString() : null,
      endedByNickname: c.endedBy ? nameOf(c.endedBy) : null,
      endReason: c.endReason ?? null,
    })),
    abilities: abilities(residentProxyPolicies, actor, resource).filter((a) => a !== 'proxies.view'),
  };
}
