/** activities.cancel: the organisers cancel an activity; everyone signed up is told. */
import { activityPolicies } from '../../../../src/shared/policies/activities';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { cancelPublished } from '../../repositories/activities';
import { notifySignedUp } from './tellSignedUp';
import { activityErrors } from '../../../../src/shared/domainErrors';

/** Cancels an activity and tells everyone signed up. */
export async function cancelActivity(actor: Actor, activityId: string, reason: string, now: Date): Promise<void> {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(activityPolicies, 'activities.cancel', actor, resource);
  if (!(await cancelPublished(activityId, reason, now))) throw activityErrors.alreadyCancelled();
  await notifySignedUp(activity, 'activity_cancelled', { activity: activity.title, reason }, now);
}
