import type { StaffRole } from '../schemas/account';
import { hasStaffRoleOver, type PolicyActor, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

const RANK: Record<StaffRole, number> = { grid: 0, committee: 1, street: 2, county: 3 };
const LEVEL_ROLE: Record<'community' | 'street' | 'county', StaffRole> = { community: 'committee', street: 'street', county: 'county' };

/**
 * May the actor grant (or revoke) `role` on a region? Only staff holding a role at least as
 * high on that region or above it; and the role must match the region's level.
 */
export function canManageRole(actor: PolicyActor, role: StaffRole, region: RegionScope & { level: 'community' | 'street' | 'county' }): boolean {
  // A grid worker serves one community, so the grant sits on a community node like a committee's.
  const fits = role === 'grid' ? region.level === 'community' : LEVEL_ROLE[region.level] === role;
  if (!fits) return false;
  const eligible = (Object.keys(RANK) as StaffRole[]).filter((r) => r !== 'grid' && RANK[r] >= RANK[role]);
  return hasStaffRoleOver(actor, eligible, region);
}

/** A role on a region node: the resource of granting and revoking. */
export type RoleOnRegion = RegionScope & { level: 'community' | 'street' | 'county'; role: StaffRole };

/** Granting and revoking: the roles function's one ability (`canManageRole`, the same rule the app shows). */
export const rolePolicies = {
  'roles.manage': (actor, target) => canManageRole(actor, target.role, target),
} satisfies PolicySet<RoleOnRegion>;
