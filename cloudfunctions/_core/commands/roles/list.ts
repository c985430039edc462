/** roles.list: the active grants on a region and below, for staff over it. */
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { scopeOf, staffScopePolicies } from '../../authz/staffScope';
import { presentRoleList } from '../../presenters/roles';
import { regionDirectory } from '../../repositories/regions';
import { activeGrantsOn } from '../../repositories/roleGrants';
import { findUser } from '../../repositories/users';
import { roleErrors } from '../../../../src/shared/domainErrors';

/** Active grants on the region and below; a region the actor does not oversee is NOT_FOUND. */
export async function listRoles(actor: Actor, regionId: string) {
  const regions = await regionDirectory();
  const region = regions.get(regionId);
  const notFound = roleErrors.regionNotFound();
  if (!region) throw notFound;
  authorize(staffScopePolicies, 'region.oversee', actor, scopeOf(region), notFound);
  const below = [...regions.values()].filter((r) => r._id === regionId || r.ancestorIds.includes(regionId)).map((r) => r._id);
  const rows = await activeGrantsOn(below);
  const users = new Map((await Promise.all([...new Set(rows.map((r) => r.userId))].map((id) => findUser(id)))).flatMap((u) => (u ? [[u._id, u] as const] : [])));
  return presentRoleList(rows, users, regions);
}
