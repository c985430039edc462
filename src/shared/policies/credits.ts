/**
 * Who runs a community's credits, settings and points store: the abilities of the cloud function
 * `credits` (src/shared/api/credits.ts). Server-side only (authz/communities.ts): no view carries them.
 */
import { hasStaffRoleOver, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

/** What staff may do with a community's credits (the resource is the community node). */
export const creditPolicies = {
  /** Staff over the community: the committee, or the street or county above it. */
  'credits.manage': (actor, community) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], community),
} satisfies PolicySet<RegionScope>;
