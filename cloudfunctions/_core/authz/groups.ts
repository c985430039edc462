/**
 * Groups as authorization sees them: the policy view of a group for one actor, and the loader
 * every group command starts with (a group the actor may not see answers like a missing one).
 */
import { AppError } from '../../../src/shared/errors';
import { groupPolicies, type GroupResource } from '../../../src/shared/policies/groups';
import { findGroup, type GroupDoc } from '../repositories/groups';
import { findMembership, type MembershipDoc } from '../repositories/memberships';
import type { Actor } from './actor';
import { authorize } from './authorize';

/** The policy view of a group for one actor. */
export function groupResource(group: GroupDoc, membership: MembershipDoc | null): GroupResource {
  const regionId = group.communityId ?? group.streetId;
  const ancestorIds = group.communityId ? [group.countyId, group.streetId] : [group.countyId];
  return {
    regionId,
    ancestorIds,
    status: group.status,
    type: group.type,
    joinPolicy: group.joinPolicy,
    managementLevel: group.managementLevel,
    applicantId: group.applicantId,
    membership: membership ? { status: membership.status, role: membership.role } : null,
  };
}

/** A group that is missing and one the actor may not see answer alike. */
export function groupNotFound(): AppError {
  return new AppError('NOT_FOUND', '小组不存在或已解散');
}

/** Loads a group the actor may see, with their membership, or answers NOT_FOUND. */
export async function loadVisibleGroup(actor: Actor, groupId: string) {
  const group = await findGroup(groupId);
  if (!group) throw groupNotFound();
  const membership = await findMembership(groupId, actor.userId);
  const resource = groupResource(group, membership);
  authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
  return { group, membership, resource };
}

/** True when the actor leads the group (leader or co-leader, active): they see and tidy its page. */
export function isGroupLeadership(group: GroupResource): boolean {
  return group.membership?.status === 'active' && (group.membership.role === 'leader' || group.membership.role === 'co_leader');
}
