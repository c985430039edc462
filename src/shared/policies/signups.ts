/**
 * Who may sign up for an activity, run its roster and show its check-in code: the abilities of
 * the cloud function `signups` (src/shared/api/signups.ts). They judge the activity, so the
 * activity's page lists them after its own (ActivityDetail.abilities = activities + signups).
 */
import { leadsActivity, type ActivityResource } from './activities';
import type { PolicySet } from './authorize';

/** What a user may do with an activity's sign-ups. */
export const signupPolicies = {
  'signups.create': (_actor, r) => r.status === 'published' && !r.ended && r.group.status === 'active',
  'signups.manage': (_actor, r) => leadsActivity(r),
  'checkin.show': (_actor, r) => r.status === 'published' && leadsActivity(r),
} satisfies PolicySet<ActivityResource>;
