/** roles.revoke: a grant is kept, marked revoked, for the record. */
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadRegion } from '../../authz/regions';
import { rolePolicies } from '../../../../src/shared/policies/roles';
import { scopeOf } from '../../authz/staffScope';
import { recordAudit } from '../../repositories/auditLog';
import { findGrant, markGrantRevoked } from '../../repositories/roleGrants';
import { digest } from '../../runtime/hash';
import { roleErrors } from '../../../../src/shared/domainErrors';

/** Revokes a grant; one the actor may not manage answers like one that does not exist. */
export async function revokeRole(actor: Actor, grantId: string, reason: string, requestId: string, now: Date): Promise<void> {
  const grant = await findGrant(grantId);
  const notFound = roleErrors.grantNotFound();
  if (!grant || grant.revokedAt) throw notFound;
  const region = await loadRegion(grant.regionId);
  authorize(rolePolicies, 'roles.manage', actor, { ...scopeOf(region), role: grant.role }, notFound);
  await markGrantRevoked(grantId, now);
  await recordAudit(
    { actorId: actor.userId, action: 'roles.revoke', targetType: 'role', targetId: grantId, regionId: grant.regionId, reason, details: { userId: grant.userId, role: grant.role } },
    digest('audit', actor.userId, requestId),
    now,
  );
}
