/** The hour book as authorization sees it: the group behind a record or an activity, and who may review. */
import { communityPolicies, hourPolicies } from '../../../src/shared/policies/volunteers';
import { findActivity } from '../repositories/activities';
import { findGroup } from '../repositories/groups';
import { findMembership } from '../repositories/memberships';
import type { HourRecordDoc } from '../repositories/hourRecords';
import type { Actor } from './actor';
import { authorize } from './authorize';
import { loadCommunity } from './communities';
import { groupResource } from './groups';
import { activityErrors, groupErrors, hourErrors } from '../../../src/shared/domainErrors';

/** A record the actor may not see, and one that does not exist. */
export const recordNotFound = () => hourErrors.recordNotFound();
const activityNotFound = () => activityErrors.notFound();

/** A group with its policy view for the actor, or NOT_FOUND 组织不存在. */
export async function loadGroupAccess(actor: Actor, groupId: string) {
  const group = await findGroup(groupId);
  if (!group) throw groupErrors.organizationNotFound();
  const membership = await findMembership(groupId, actor.userId);
  return { group, resource: groupResource(group, membership) };
}

/** A volunteer activity whose hours the actor may see (else as if it did not exist). */
export async function loadVolunteerActivity(actor: Actor, activityId: string) {
  const activity = await findActivity(activityId);
  if (!activity) throw activityNotFound();
  const { group, resource } = await loadGroupAccess(actor, activity.groupId);
  authorize(hourPolicies, 'hours.viewActivity', actor, resource, activityNotFound());
  if (!activity.volunteer) throw hourErrors.notVolunteerActivity();
  return { activity, group, resource, volunteer: activity.volunteer };
}

/** The group whose hours the actor reviews; nobody approves their own hours. */
export async function loadReviewableGroup(actor: Actor, groupId: string, ownerId: string) {
  const { group, resource } = await loadGroupAccess(actor, groupId);
  authorize(hourPolicies, 'hours.review', actor, resource, recordNotFound());
  if (ownerId === actor.userId) throw hourErrors.cannotReviewOwn();
  return group;
}

/**
 * The organiser whose reviewers confirm a record, as the region its credit settings come from:
 * a group's leaders (or the staff over it), or — for service the community organised itself, a
 * care visit by a volunteer paired directly (its `groupId` is the community's id) — the staff
 * over the community (谁组织谁记录). Nobody approves their own hours.
 */
export async function loadReviewableOrganiser(actor: Actor, record: Pick<HourRecordDoc, 'groupId' | 'communityId' | 'userId'>): Promise<{ regionId: string | null }> {
  if (record.communityId !== null && record.groupId === record.communityId) {
    const community = await loadCommunity(record.communityId);
    authorize(communityPolicies, 'community.reviewHours', actor, { regionId: community._id, ancestorIds: community.ancestorIds }, recordNotFound());
    if (record.userId === actor.userId) throw hourErrors.cannotReviewOwn();
    return { regionId: community._id };
  }
  const group = await loadReviewableGroup(actor, record.groupId, record.userId);
  return { regionId: group.communityId ?? group.streetId };
}
