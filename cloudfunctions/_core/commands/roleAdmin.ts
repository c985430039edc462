/** Staff grant and revoke roles at or below their node; every change is in the audit log. */
import { canManageRole } from '../../../src/shared/policies/roles';
import type { RolesGrantInput } from '../../../src/shared/schemas/roles';
import { recordAudit } from '../repositories/auditLog';
import { Collections } from '../repositories/collections';
import { regionDirectory, type RegionDoc } from '../repositories/regions';
import type { RoleGrantDoc } from '../repositories/roleGrants';
import { findUser, markMayHoldGrants } from '../repositories/users';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { roleErrors } from '../../../src/shared/domainErrors';

const grants = () => database().collection(Collections.roleGrants);

function scopeOf(region: RegionDoc) {
  return { regionId: region._id, ancestorIds: region.ancestorIds, level: region.level };
}

async function regionOrNotFound(regionId: string): Promise<RegionDoc> {
  const region = (await regionDirectory()).get(regionId);
  if (!region) throw roleErrors.regionNotFound();
  return region;
}

/** Grants a role; a grant that already exists is answered as it is. */
export async function grantRole(actor: Actor, input: RolesGrantInput, requestId: string, now: Date): Promise<string> {
  const region = await regionOrNotFound(input.regionId);
  if (!canManageRole(actor, input.role, scopeOf(region))) throw roleErrors.cannotGrant();
  if (!(await findUser(input.userId))) throw roleErrors.userNotFound();
  const id = `grant-${digest('grant', input.userId, input.role, input.regionId).slice(0, 24)}`;
  await grants().doc(id).set({ userId: input.userId, role: input.role, regionId: input.regionId, grantedBy: actor.userId, createdAt: now, revokedAt: null });
  await markMayHoldGrants(input.userId);
  await recordAudit(
    { actorId: actor.userId, action: 'roles.grant', targetType: 'role', targetId: id, regionId: input.regionId, reason: input.note ?? null, details: { userId: input.userId, role: input.role } },
    digest('audit', actor.userId, requestId),
    now,
  );
  return id;
}

/** Revokes a grant (kept, marked revoked, for the record). */
export async function revokeRole(actor: Actor, grantId: string, reason: string, requestId: string, now: Date): Promise<void> {
  const { data } = await grants().doc(grantId).get();
  const grant = data[0] as RoleGrantDoc | undefined;
  const notFound = roleErrors.grantNotFound();
  if (!grant || grant.revokedAt) throw notFound;
  const region = await regionOrNotFound(grant.regionId);
  if (!canManageRole(actor, grant.role, scopeOf(region))) throw notFound;
  await grants().where({ _id: grantId, revokedAt: null }).update({ revokedAt: now });
  await recordAudit(
    { actorId: actor.userId, action: 'roles.revoke', targetType: 'role', targetId: grantId, regionId: grant.regionId, reason, details: { userId: grant.userId, role: grant.role } },
    digest('audit', actor.userId, requestId),
    now,
  );
}

/** Active grants on a region and below, for staff over it. */
export async function listRoles(actor: Actor, regionId: string) {
  const regions = await regionDirectory();
  const region = regions.get(regionId);
  if (!region || !actor.grants.some((g) => g.regionId === region._id || region.ancestorIds.includes(g.regionId))) throw roleErrors.regionNotFound();
  const below = [...regions.values()].filter((r) => r._id === regionId || r.ancestorIds.includes(regionId)).map((r) => r._id);
  const _ = database().command;
  const { data } = await grants().where({ regionId: _.in(below), revokedAt: null }).limit(1000).get();
  const rows = data as RoleGrantDoc[];
  const users = new Map((await Promise.all([...new Set(rows.map((r) => r.userId))].map((id) => findUser(id)))).flatMap((u) => (u ? [[u._id, u] as const] : [])));
  return {
    items: rows.map((g) => ({
      grantId: g._id,
      userId: g.userId,
      nickname: users.get(g.userId)?.nickname ?? '',
      role: g.role,
      regionId: g.regionId,
      regionName: regions.get(g.regionId)?.name ?? '',
      grantedAt: g.createdAt.toISOString(),
    })),
  };
}
