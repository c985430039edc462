/** The hour book as authorization sees it: the group behind a record or an activity, and who may review. */
import { hourPolicies } from '../../../src/shared/policies/volunteers';
import { findActivity } from '../repositories/activities';
import { findGroup } from '../repositories/groups';
import type { HourRecordDoc } from '../repositories/hourRecords';
import { findMembership } from '../repositories/memberships';
import { staffScopePolicies } from './staffScope';
import type { Actor } from './actor';
import { authorize } from './authorize';
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

/**
 * Where a pending record is reviewed, as the region whose settings pay its credits: its group
 * (the group's leaders or staff over it), or — for service the community organised itself (a need
 * a volunteer took on herself, commands/needs/needHours.ts; a care visit by a volunteer paired
 * directly, commands/care/logVisit.ts), whose `groupId` is the community's id — staff over the
 * community (谁组织谁记录). Nobody reviews their own.
 */
export async function loadReviewableRecord(actor: Actor, record: Pick<HourRecordDoc, 'groupId' | 'userId' | 'communityId' | 'streetId' | 'countyId'>): Promise<string> {
  if (!isCommunityOrganised(record)) {
    const group = await loadReviewableGroup(actor, record.groupId, record.userId);
    return group.communityId ?? group.streetId;
  }
  const scope = { regionId: record.communityId ?? record.streetId, ancestorIds: record.communityId ? [record.countyId, record.streetId] : [record.countyId] };
  authorize(staffScopePolicies, 'region.oversee', actor, scope, recordNotFound());
  if (record.userId === actor.userId) throw hourErrors.cannotReviewOwn();
  return scope.regionId;
}

/** The group whose hours the actor reviews; nobody approves their own hours. */
export async function loadReviewableGroup(actor: Actor, groupId: string, ownerId: string) {
  const { group, resource } = await loadGroupAccess(actor, groupId);
  authorize(hourPolicies, 'hours.review', actor, resource, recordNotFound());
  if (ownerId === actor.userId) throw hourErrors.cannotReviewOwn();
  return group;
}

/** Service the community organised itself: its record's organiser (`groupId`) is the community. */
export function isCommunityOrganised(record: Pick<HourRecordDoc, 'groupId' | 'communityId'>): boolean {
  return record.communityId !== null && record.groupId === record.communityId;
}
