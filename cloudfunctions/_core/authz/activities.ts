/**
 * Activities as authorization sees them: the policy view of an activity for one actor, and the
 * loader every activity and sign-up command starts with (an activity the actor may not see
 * answers like a missing one).
 */
import { AppError } from '../../../src/shared/errors';
import { activityPolicies, type ActivityResource } from '../../../src/shared/policies/activities';
import { findActivity, type ActivityDoc } from '../repositories/activities';
import { findGroup, type GroupDoc } from '../repositories/groups';
import { findMembership } from '../repositories/memberships';
import { Coalescer } from '../runtime/coalesce';
import type { Actor } from './actor';
import { authorize } from './authorize';
import { groupResource } from './groups';

/** An activity that is missing and one the actor may not see answer alike. */
export const activityNotFound = () => new AppError('NOT_FOUND', '活动不存在或已删除');

/** The policy view of an activity for the actor. */
export async function activityResource(actor: Actor, activity: ActivityDoc, group?: GroupDoc | null, needMembership = true): Promise<ActivityResource> {
  const g = group ?? (await findGroup(activity.groupId));
  if (!g) throw activityNotFound();
  // Seeing an activity of a live group needs no membership; skip the read when only that is asked.
  const membership = needMembership || g.status !== 'active' ? await findMembership(g._id, actor.userId) : null;
  return { group: groupResource(g, membership), status: activity.status, ended: activity.endAt.getTime() <= Date.now() };
}

/**
 * An activity and its group, read together for everyone of this instance asking at once (a
 * crowd signing up for one activity): each caller still gets a read started after it asked.
 * Callers share the documents and must not change them.
 */
const activityReads = new Coalescer<null, { activity: ActivityDoc | null; group: GroupDoc | null }>(async (activityId, callers) => {
  const activity = await findActivity(activityId);
  const group = activity ? await findGroup(activity.groupId) : null;
  return callers.map(() => ({ activity, group }));
});

/** Loads an activity the actor may see. */
export async function loadVisibleActivity(actor: Actor, activityId: string, needMembership = true) {
  const { activity, group } = await activityReads.submit(activityId, null);
  if (!activity) throw activityNotFound();
  const resource = await activityResource(actor, activity, group, needMembership);
  authorize(activityPolicies, 'activities.view', actor, resource, activityNotFound());
  return { activity, group: group!, resource };
}
