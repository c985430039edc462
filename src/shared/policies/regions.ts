/** The region tree: county staff import their own county's tree; nobody else changes it. */
import { hasStaffRoleOver, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

/** What staff may do to a county's tree (the resource is the county node). */
export const regionCountyPolicies = {
  // Streets and committees below do not import: the tree is the county's (the statistical codes come from it).
  'regions.import': (actor, county) => hasStaffRoleOver(actor, ['county'], county),
} satisfies PolicySet<RegionScope>;
