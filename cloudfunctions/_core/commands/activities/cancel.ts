/** activities.cancel: the organisers cancel an activity; everyone signed up is told. */
import { AppError } from '../../../../src/shared/errors';
import { activityPolicies } from '../../../../src/shared/policies/activities';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { cancelPublished } from '../../repositories/activityPlans';
import { notifySignedUp } from './tellSignedUp';

/** Cancels an activity and tells everyone signed up. */
export async function cancelActivity(actor: Actor, activityId: string, reason: string, now: Date): Promise<void> {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(activityPolicies, 'activities.cancel', actor, resource);
  if (!(await cancelPublished(activityId, reason, now))) throw new AppError('CONFLICT', '活动已取消');
  await notifySignedUp(activity, 'activity_cancelled', { activity: activity.title, reason }, now);
}
