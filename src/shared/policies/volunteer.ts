/**
 * Who may record, confirm and certify volunteer service, and who runs a community's credits.
 * "Whoever organises records, whoever records certifies": a group's leaders record and certify
 * its service; the committee over the community reviews what leaders cannot (self-reports,
 * corrections) and certifies as the community.
 */
import type { GroupResource } from './groups';
import { hasStaffRoleOver, type PolicyActor, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

const leads = (g: GroupResource) => g.membership?.status === 'active' && (g.membership.role === 'leader' || g.membership.role === 'co_leader');
const staffOver = (actor: PolicyActor, scope: RegionScope) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], scope);

/** Hours of one group's service. */
export const hourPolicies: PolicySet<GroupResource> = {
  'hours.viewActivity': (actor, g) => leads(g) || staffOver(actor, g),
  'hours.confirm': (_actor, g) => leads(g),
  'hours.selfReport': (_actor, g) => g.membership?.status === 'active' && (g.status === 'active' || g.status === 'suspended'),
  'hours.review': (actor, g) => leads(g) || staffOver(actor, g),
  'proofs.issueForGroup': (_actor, g) => g.status !== 'pending' && g.status !== 'rejected' && leads(g),
};

/** A community's credits, points store and proofs. */
export const communityPolicies: PolicySet<RegionScope> = {
  'community.manageCredits': (actor, c) => staffOver(actor, c),
  'community.issueProofs': (actor, c) => staffOver(actor, c),
};
