/**
 * Who issues service proofs: the abilities of the cloud function `proofs` (src/shared/api/proofs.ts).
 * "Whoever records certifies": a group's leaders issue for their group, staff over a community
 * issue as the community. Server-side only (authz/proofs.ts): no view carries them.
 */
import { hasStaffRoleOver, type RegionScope } from './actor';
import type { PolicySet } from './authorize';
import { isLeadership, type GroupResource } from './groups';

/** Issuing for a group: its leaders, for a group that was approved (not one pending or rejected). */
export const proofGroupPolicies = {
  'proofs.issueForGroup': (_actor, g) => g.status !== 'pending' && g.status !== 'rejected' && isLeadership(g),
} satisfies PolicySet<GroupResource>;

/** Issuing for a community: staff over it (the resource is the community node). */
export const proofCommunityPolicies = {
  'proofs.issueForCommunity': (actor, community) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], community),
} satisfies PolicySet<RegionScope>;
