/**
 * Groups as authorization sees them: the policy view of a group for one actor, and the loader
 * every group command starts with (a group the actor may not see answers like a missing one).
 */
import type { AppError } from '../../../src/shared/errors';
import type { GroupDetail } from '../../../src/shared/schemas/groups';
import { activityGroupPolicies } from '../../../src/shared/policies/activities';
import { groupPolicies, type GroupResource } from '../../../src/shared/policies/groups';
import { hubPolicies } from '../../../src/shared/policies/hubs';
import { memberPolicies } from '../../../src/shared/policies/members';
import { postGroupPolicies } from '../../../src/shared/policies/posts';
import { findGroup, type GroupDoc } from '../repositories/groups';
import { findMembership, type MembershipDoc } from '../repositories/memberships';
import { contactAsSeen } from '../privacy/personalData';
import type { Transaction } from '../runtime/transactions';
import type { Actor } from './actor';
import { abilities, allows, authorize } from './authorize';
import { staffScopePolicies } from './staffScope';
import { groupErrors } from '../../../src/shared/domainErrors';

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

/**
 * What the actor may do on a group's page (GroupDetail.abilities): the group's own abilities, then
 * those of the functions that judge the group — members, posts, activities, hubs — in that order,
 * the order the page has always listed them in.
 */
export function groupPageAbilities(actor: Actor, resource: GroupResource): string[] {
  return [
    ...abilities(groupPolicies, actor, resource),
    ...abilities(memberPolicies, actor, resource),
    ...abilities(postGroupPolicies, actor, resource),
    ...abilities(activityGroupPolicies, actor, resource),
    ...abilities(hubPolicies, actor, resource),
  ];
}

/** What the viewer's rights decide about a group's page, before it is presented (presenters/groups.ts stays pure). */
export interface GroupPageAccess {
  abilities: string[];
  /** The contact person, unsealed and masked as this viewer may see it. */
  contact: GroupDetail['contact'];
  /** The viewer applied for the group or is staff over it: she sees its review. */
  seesReview: boolean;
}

/** A group's page as the actor may see it: her abilities, the contact (in full only with 'groups.seeContact') and the review. */
export function groupPageAccess(actor: Actor, group: GroupDoc, resource: GroupResource): GroupPageAccess {
  const allowed = groupPageAbilities(actor, resource);
  return {
    abilities: allowed,
    contact: group.contact ? contactAsSeen(group.contact, allowed.includes('groups.seeContact')) : null,
    seesReview: group.applicantId === actor.userId || allows(staffScopePolicies, 'region.oversee', actor, resource),
  };
}

/** A group that is missing and one the actor may not see answer alike. */
export function groupNotFound(): AppError {
  return groupErrors.notFound();
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

/** A membership change's reads: the group, the actor's membership and the target's. */
export interface MemberChangeLoad {
  group: GroupDoc;
  mine: MembershipDoc | null;
  target: MembershipDoc | null;
}

/**
 * Reads the group, the actor's and the target's memberships inside a transaction, and checks
 * the gate: a group the actor may not see is NOT_FOUND, then the ability on it (FORBIDDEN).
 */
export async function loadMemberChange(tx: Transaction, actor: Actor, groupId: string, targetId: string, ability: keyof typeof groupPolicies & string): Promise<MemberChangeLoad> {
  const group = await findGroup(groupId, tx);
  if (!group) throw groupNotFound();
  const mine = await findMembership(groupId, actor.userId, tx);
  const resource = groupResource(group, mine);
  authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
  authorize(groupPolicies, ability, actor, resource);
  const target = await findMembership(groupId, targetId, tx);
  return { group, mine, target };
}
