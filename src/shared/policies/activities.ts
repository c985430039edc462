import type { GroupResource } from './groups';
import { groupPolicies } from './groups';
import type { PolicySet } from './authorize';
import { hasStaffRoleOver } from './actor';

/** An activity as the policies see it: its group (with the actor's membership) and its state. */
export interface ActivityResource {
  group: GroupResource;
  status: 'published' | 'cancelled' | 'hidden';
  ended: boolean;
}

const leads = (r: ActivityResource) =>
  r.group.membership?.status === 'active' && (r.group.membership.role === 'leader' || r.group.membership.role === 'co_leader');

/**
 * What a user may do with an activity. The sign-up and check-in abilities ('signups.*',
 * 'checkin.show') are judged here for the cloud function `signups`: they travel with the
 * activity's abilities to the UI (ActivityDetail.abilities), so they stay one set.
 */
export const activityPolicies = {
  'activities.view': (actor, r) => groupPolicies['groups.view']!(actor, r.group),
  'activities.edit': (_actor, r) => r.status === 'published' && !r.ended && leads(r),
  'activities.cancel': (_actor, r) => r.status === 'published' && !r.ended && leads(r),
  'signups.create': (_actor, r) => r.status === 'published' && !r.ended && r.group.status === 'active',
  'signups.manage': (_actor, r) => leads(r),
  'checkin.show': (_actor, r) => r.status === 'published' && leads(r),
  /** Checking (and healing) an activity's seats and counters is a staff tool over the community. */
  'activities.reconcile': (actor, r) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], r.group),
} satisfies PolicySet<ActivityResource>;
