import type { StaffRole } from '../schemas/account';

/** A staff grant: a role on one region node, covering everything below it. */
export interface Grant {
  role: StaffRole;
  regionId: string;
}

/** What policies know about the caller; always built on the server from the database. */
export interface PolicyActor {
  userId: string;
  grants: Grant[];
}

/** A region-scoped resource: its own region and that region's ancestors (root first). */
export interface RegionScope {
  regionId: string;
  ancestorIds: string[];
}

/** True when the actor holds one of `roles` on the region or any region above it. */
export function hasStaffRoleOver(actor: PolicyActor, roles: readonly StaffRole[], scope: RegionScope): boolean {
  const covered = new Set([scope.regionId, ...scope.ancestorIds]);
  return actor.grants.some((grant) => roles.includes(grant.role) && covered.has(grant.regionId));
}

/** True when the actor is staff anywhere (a grid worker's grant opens no console). */
export function isStaff(actor: PolicyActor): boolean {
  return actor.grants.some((grant) => grant.role !== 'grid');
}
