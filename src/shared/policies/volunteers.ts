/**
 * Who may record, confirm and certify volunteer service, and who runs a community's credits.
 * "Whoever organises records, whoever records certifies": a group's leaders record and certify
 * its service; the committee over the community reviews what leaders cannot (self-reports,
 * corrections) and certifies as the community. Served by the cloud function `volunteers` (hours,
 * roll-calls); `communityPolicies` also answer for `credits` and `proofs`, and `proofs.issueForGroup`
 * for `proofs`, because they judge the same group or community.
 */
import type { GroupResource } from './groups';
import { hasStaffRoleOver, type PolicyActor, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

const leads = (g: GroupResource) => g.membership?.status === 'active' && (g.membership.role === 'leader' || g.membership.role === 'co_leader');
const staffOver = (actor: PolicyActor, scope: RegionScope) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], scope);

/** Hours of one group's service. */
export const hourPolicies = {
  'hours.viewActivity': (actor, g) => leads(g) || staffOver(actor, g),
  'hours.confirm': (_actor, g) => leads(g),
  'hours.selfReport': (_actor, g) => g.membership?.status === 'active' && (g.status === 'active' || g.status === 'suspended'),
  'hours.review': (actor, g) => leads(g) || staffOver(actor, g),
  'proofs.issueForGroup': (_actor, g) => g.status !== 'pending' && g.status !== 'rejected' && leads(g),
} satisfies PolicySet<GroupResource>;

/** A community's credits, points store and proofs. */
export const communityPolicies = {
  'community.manageCredits': (actor, c) => staffOver(actor, c),
  'community.issueProofs': (actor, c) => staffOver(actor, c),
  /** Hours of service the community organised itself (a care visit by a volunteer paired directly). */
  'community.reviewHours': (actor, c) => staffOver(actor, c),
} satisfies PolicySet<RegionScope>;

// ---- roll-calls ----
// Emergency roll-call: staff over a community call its volunteers; only those called answer.
// Who was called is private: to anyone else a roll-call does not exist.

/** A roll-call as the policies see it: its community, its state and whether the actor was called. */
export interface RollCallResource extends RegionScope {
  status: 'open' | 'closed';
  /** The actor is one of the volunteers it notified. */
  called: boolean;
}

/** Calling the volunteers of a community, and listing its roll-calls. */
export const rollCallCommunityPolicies = {
  'rollcalls.create': (actor, c) => staffOver(actor, c),
  'rollcalls.list': (actor, c) => staffOver(actor, c),
} satisfies PolicySet<RegionScope>;

/** What a user may do with one roll-call. */
export const rollCallPolicies = {
  'rollcalls.view': (actor, r) => staffOver(actor, r) || r.called,
  'rollcalls.tally': (actor, r) => staffOver(actor, r),
  'rollcalls.respond': (_actor, r) => r.status === 'open' && r.called,
  'rollcalls.close': (actor, r) => r.status === 'open' && staffOver(actor, r),
} satisfies PolicySet<RollCallResource>;
