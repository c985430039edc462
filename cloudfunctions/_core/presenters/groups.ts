/** Views of groups for lists and pages, with the viewer's membership and abilities. */
import { abilities } from '../../../src/shared/policies/authorize';
import { groupPolicies, type GroupResource } from '../../../src/shared/policies/groups';
import type { GroupCard, GroupDetail, MyMembership } from '../../../src/shared/schemas/groups';
import type { Actor } from '../runtime/actor';
import type { GroupDoc } from '../repositories/groups';
import type { MembershipDoc } from '../repositories/memberships';
import type { RegionDoc } from '../repositories/regions';
import type { UserDoc } from '../repositories/users';

/** The policy view of a group for one actor. */
export function groupResource(group: GroupDoc, membership: MembershipDoc | null): GroupResource {
  const regionId = group.communityId ?? group.streetId;
  const ancestorIds = group.communityId ? [group.countyId, group.streetId] : [group.countyId];
  return {
    regionId,
    ancestorIds,
    status: group.status,
    joinPolicy: group.joinPolicy,
    managementLevel: group.managementLevel,
    membership: membership ? { status: membership.status, role: membership.role } : null,
  };
}

function presentMembership(membership: MembershipDoc | null): MyMembership | null {
  return membership ? { status: membership.status, role: membership.role, since: membership.updatedAt.toISOString() } : null;
}

/** A phone number with its middle hidden: 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

/** A name with all but the first character hidden: 李** . */
export function maskName(name: string): string {
  return name.length <= 1 ? name : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 2))}`;
}

/** The list view of a group. */
export function presentGroupCard(group: GroupDoc, membership: MembershipDoc | null, regions: Map<string, RegionDoc>): GroupCard {
  const regionId = group.communityId ?? group.streetId;
  return {
    id: group._id,
    name: group.name,
    type: group.type,
    managementLevel: group.managementLevel,
    communityId: group.communityId,
    regionName: regions.get(regionId)?.name ?? '',
    summary: group.description.length > 60 ? `${group.description.slice(0, 60)}…` : group.description,
    tags: group.tags,
    coverImage: group.coverImage,
    memberCount: group.memberCount,
    joinPolicy: group.joinPolicy,
    myMembership: presentMembership(membership),
  };
}

/** The page view of a group; contact details only unmasked for members and staff. */
export function presentGroupDetail(
  actor: Actor,
  group: GroupDoc,
  membership: MembershipDoc | null,
  regions: Map<string, RegionDoc>,
  leader: UserDoc | null,
): GroupDetail {
  const resource = groupResource(group, membership);
  const allowed = abilities(groupPolicies, actor, resource);
  const seeContact = allowed.includes('groups.seeContact');
  return {
    ...presentGroupCard(group, membership, regions),
    description: group.description,
    registrationNumber: group.registrationNumber,
    filingNumber: group.filingNumber,
    status: group.status,
    leader: leader ? { nickname: leader.nickname, avatar: leader.avatar } : null,
    contact: group.contact
      ? seeContact
        ? { ...group.contact, masked: false }
        : { name: maskName(group.contact.name), phone: maskPhone(group.contact.phone), masked: true }
      : null,
    createdAt: group.createdAt.toISOString(),
    abilities: allowed,
  };
}
