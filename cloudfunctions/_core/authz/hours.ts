/** The hour book as authorization sees it: the group behind a record or an activity, and who may review. */
import { AppError } from '../../../src/shared/errors';
import { hourPolicies } from '../../../src/shared/policies/volunteers';
import { findActivity } from '../repositories/activities';
import { findGroup } from '../repositories/groups';
import { findMembership } from '../repositories/memberships';
import type { Actor } from './actor';
import { authorize } from './authorize';
import { groupResource } from './groups';

/** A record the actor may not see, and one that does not exist. */
export const recordNotFound = () => new AppError('NOT_FOUND', '记录不存在');
const activityNotFound = () => new AppError('NOT_FOUND', '活动不存在或已删除');

/** A group with its policy view for the actor, or NOT_FOUND 组织不存在. */
export async function loadGroupAccess(actor: Actor, groupId: string) {
  const group = await findGroup(groupId);
  if (!group) throw new AppError('NOT_FOUND', '组织不存在');
  const membership = await findMembership(groupId, actor.userId);
  return { group, resource: groupResource(group, membership) };
}

/** A volunteer activity whose hours the actor may see (else as if it did not exist). */
export async function loadVolunteerActivity(actor: Actor, activityId: string) {
  const activity = await findActivity(activityId);
  if (!activity) throw activityNotFound();
  const { group, resource } = await loadGroupAccess(actor, activity.groupId);
  authorize(hourPolicies, 'hours.viewActivity', actor, resource, activityNotFound());
  if (!activity.volunteer) throw new AppError('CONFLICT', '这不是志愿服务活动，不记录服务时长');
  return { activity, group, resource, volunteer: activity.volunteer };
}

/** The group whose hours the actor reviews; nobody approves their own hours. */
export async function loadReviewableGroup(actor: Actor, groupId: string, ownerId: string) {
  const { group, resource } = await loadGroupAccess(actor, groupId);
  authorize(hourPolicies, 'hours.review', actor, resource, recordNotFound());
  if (ownerId === actor.userId) throw new AppError('FORBIDDEN', '不能审核自己的服务时长');
  return group;
}
