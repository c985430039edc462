/**
 * proxies.addConsent: staff of her community or its grid worker records another consent a
 * resident without a smartphone gave on paper — a second proxy, or a new one after a consent
 * ended — witnessed by the actor, like the first (proxyResident.ts). In the audit log.
 */
import { proxyErrors } from '../../../../src/shared/domainErrors';
import { residentProxyPolicies } from '../../../../src/shared/policies/signups';
import type { ProxyAddConsentInput, ProxyHistoryOutput } from '../../../../src/shared/schemas/signups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadResidentForProxies } from '../../authz/proxies';
import { recordAudit } from '../../repositories/auditLog';
import { activeConsentFor, addWitnessedConsent } from '../../repositories/proxies';
import { findUser } from '../../repositories/users';
import { isDuplicateError } from '../../runtime/dbErrors';
import { digest } from '../../runtime/hash';
import { historyOf } from './proxyHistory';

/** Writes the witnessed consent (its id derives from the request: a retry writes it once) and answers her history. */
export async function addWitnessedProxy(actor: Actor, input: ProxyAddConsentInput, requestId: string, now: Date): Promise<ProxyHistoryOutput> {
  const { user, resource } = await loadResidentForProxies(actor, input.residentUserId);
  if (user.hasOwnAccount !== false) throw proxyErrors.hasOwnAccount();
  authorize(residentProxyPolicies, 'proxies.addConsent', actor, resource, proxyErrors.residentNotFound());
  let proxyUserId = actor.userId;
  if (input.proxyUserId !== undefined && input.proxyUserId !== actor.userId) {
    const proxy = await findUser(input.proxyUserId);
    if (!proxy) throw proxyErrors.proxyUserNotFound();
    if (proxy.hasOwnAccount === false) throw proxyErrors.proxyNeedsOwnAccount();
    proxyUserId = proxy._id;
  }
  if (proxyUserId === user._id) throw proxyErrors.cannotAuthorizeSelf();
  const key = digest('consent', actor.userId, requestId);
  const consentId = `px${key.slice(0, 24)}`;
  const existing = await activeConsentFor(proxyUserId, user._id);
  // One active consent per proxy; the same request again finds its own and carries on.
  if (existing && existing._id !== consentId) throw proxyErrors.alreadyProxy();
  try {
    await addWitnessedConsent({
      _id: consentId,
      proxyUserId,
      elderUserId: user._id,
      relation: input.relation,
      status: 'active',
      codeHash: '',
      expiresAt: now,
      createdAt: now,
      consentedAt: now,
      witness: { byUserId: actor.userId, form: input.witness.form, ref: input.witness.ref },
    });
  } catch (error) {
    if (!isDuplicateError(error)) throw error;
  }
  await recordAudit(
    { actorId: actor.userId, action: 'proxies.addConsent', targetType: 'user', targetId: user._id, regionId: user.homeCommunityId, reason: null, details: { proxyUserId, relation: input.relation, witness: input.witness.form } },
    key,
    now,
  );
  return historyOf(actor, user, resource);
}
