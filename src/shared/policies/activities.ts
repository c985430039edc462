import type { GroupResource } from './groups';
import { groupPolicies, isLeadership, isLive } from './groups';
import type { PolicySet } from './authorize';
import { hasStaffRoleOver } from './actor';

/** An activity as the policies see it: its group (with the actor's membership) and its state. */
export interface ActivityResource {
  group: GroupResource;
  status: 'published' | 'cancelled' | 'hidden';
  ended: boolean;
}

/** The actor leads the activity's group (leader or co-leader, active). */
export const leadsActivity = (r: ActivityResource) =>
  r.group.membership?.status === 'active' && (r.group.membership.role === 'leader' || r.group.membership.role === 'co_leader');

/**
 * What a user may do with an activity: the abilities of the cloud function `activities`. The
 * activity's page (ActivityDetail.abilities) lists these, then the sign-up ones (signups.ts).
 */
export const activityPolicies = {
  'activities.view': (actor, r) => groupPolicies['groups.view'](actor, r.group),
  'activities.edit': (_actor, r) => r.status === 'published' && !r.ended && leadsActivity(r),
  'activities.cancel': (_actor, r) => r.status === 'published' && !r.ended && leadsActivity(r),
  /** Checking (and healing) an activity's seats and counters is a staff tool over the community. */
  'activities.reconcile': (actor, r) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], r.group),
} satisfies PolicySet<ActivityResource>;

/** Posting activities judges the group: its page lists this after the group's own abilities (groups.ts). */
export const activityGroupPolicies = {
  'activities.create': (_actor, g) => isLive(g) && isLeadership(g),
} satisfies PolicySet<GroupResource>;
