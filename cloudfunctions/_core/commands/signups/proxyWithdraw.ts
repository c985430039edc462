/**
 * proxies.withdraw: a consent ends at once — withdrawn by the resident, her guardian or staff of
 * her community, or given up by the proxy himself — with who ended it and why kept in her
 * history. Every proxy act checks the consent is still active (proxyActing.ts), so the next one
 * is refused. Staff doing it is a staff action: in the audit log.
 */
import { proxyErrors } from '../../../../src/shared/domainErrors';
import { residentProxyPolicies } from '../../../../src/shared/policies/signups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadResidentForProxies } from '../../authz/proxies';
import { recordAudit } from '../../repositories/auditLog';
import { endConsentFor } from '../../repositories/proxies';
import { historyOf } from './proxyHistory';

/** Ends the active consent of `proxyUserId` for the resident and answers her history as it is now. */
export async function withdrawConsent(actor: Actor, input: { residentUserId: string; proxyUserId: string; reason: string }, requestKey: string, now: Date) {
  const { user, resource } = await loadResidentForProxies(actor, input.residentUserId);
  const isTheProxy = actor.userId === input.proxyUserId;
  if (!isTheProxy) authorize(residentProxyPolicies, 'proxies.withdraw', actor, resource, proxyErrors.grantNotFound());
  if (!(await endConsentFor(input.proxyUserId, user._id, actor.userId, input.reason, now))) throw proxyErrors.grantNotFound();
  const asStaff = !isTheProxy && actor.userId !== user._id && resource.actorConsent === null;
  if (asStaff) {
    await recordAudit(
      { actorId: actor.userId, action: 'proxies.withdraw', targetType: 'user', targetId: user._id, regionId: user.homeCommunityId, reason: input.reason, details: { proxyUserId: input.proxyUserId } },
      requestKey,
      now,
    );
  }
  return historyOf(actor, user, { ...resource, actorConsent: isTheProxy ? null : resource.actorConsent });
}
