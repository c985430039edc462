/** roles.grant: staff give a role at or below their node; the grant is in the audit log. */
import type { RolesGrantInput } from '../../../../src/shared/schemas/roles';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadRegion } from '../../authz/regions';
import { rolePolicies } from '../../../../src/shared/policies/roles';
import { scopeOf } from '../../authz/staffScope';
import { recordAudit } from '../../repositories/auditLog';
import { putGrant } from '../../repositories/roleGrants';
import { findUser, markMayHoldGrants } from '../../repositories/users';
import { digest } from '../../runtime/hash';
import { roleErrors } from '../../../../src/shared/domainErrors';

/** Grants a role; a grant that already exists is answered as it is. */
export async function grantRole(actor: Actor, input: RolesGrantInput, requestId: string, now: Date): Promise<string> {
  const region = await loadRegion(input.regionId);
  authorize(rolePolicies, 'roles.manage', actor, { ...scopeOf(region), role: input.role }, roleErrors.cannotGrant());
  if (!(await findUser(input.userId))) throw roleErrors.userNotFound();
  const id = `grant-${digest('grant', input.userId, input.role, input.regionId).slice(0, 24)}`;
  await putGrant(id, { userId: input.userId, role: input.role, regionId: input.regionId, grantedBy: actor.userId, createdAt: now, revokedAt: null });
  await markMayHoldGrants(input.userId);
  await recordAudit(
    { actorId: actor.userId, action: 'roles.grant', targetType: 'role', targetId: id, regionId: input.regionId, reason: input.note ?? null, details: { userId: input.userId, role: input.role } },
    digest('audit', actor.userId, requestId),
    now,
  );
  return id;
}
