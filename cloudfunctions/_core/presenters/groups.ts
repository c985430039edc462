/** Views of groups for lists and pages, with the viewer's membership and abilities. */
import { groupPolicies, reviewerRoleFor } from '../../../src/shared/policies/groups';
import type { ApplicationView } from '../../../src/shared/schemas/groups';
import type { GroupCard, GroupDetail, MyMembership } from '../../../src/shared/schemas/groups';
import type { Actor } from '../authz/actor';
import { abilities, allows } from '../authz/authorize';
import { groupResource } from '../authz/groups';
import { staffScopePolicies } from '../authz/staffScope';
import type { GroupDoc } from '../repositories/groups';
import type { MembershipDoc } from '../repositories/memberships';
import type { RegionDoc } from '../repositories/regions';
import type { UserDoc } from '../repositories/users';
import { maskName, maskPhone, openPersonal } from '../privacy/personalData';

function presentMembership(membership: MembershipDoc | null): MyMembership | null {
  return membership ? { status: membership.status, role: membership.role, since: membership.updatedAt.toISOString() } : null;
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
  hub: GroupDoc | null,
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
    contact: group.contact ? presentContact(group.contact, seeContact) : null,
    createdAt: group.createdAt.toISOString(),
    ratings: group.ratings.map(({ year, excellent }) => ({ year, excellent })),
    hub: hub ? { id: hub._id, name: hub.name } : null,
    review:
      group.applicantId === actor.userId || allows(staffScopePolicies, 'region.oversee', actor, resource)
        ? { submittedAt: group.submittedAt.toISOString(), reviewedAt: group.reviewedAt?.toISOString() ?? null, reason: group.reviewReason }
        : null,
    dissolvedReason: group.dissolvedReason,
    place: group.place ?? null,
    rules: { noShowLimit: group.noShowLimit, cancelCutoffHours: group.cancelCutoffHours },
    abilities: allowed,
  };
}

/** The contact person: in full for members and staff, masked for everyone else. */
function presentContact(contact: NonNullable<GroupDoc['contact']>, inFull: boolean): GroupDetail['contact'] {
  const phone = openPersonal(contact.phoneSealed);
  return inFull ? { name: contact.name, phone, masked: false } : { name: maskName(contact.name), phone: maskPhone(phone), masked: true };
}

/** A group application: the card, its review state and who applied. */
export function presentApplication(group: GroupDoc, applicants: Map<string, UserDoc>, regions: Map<string, RegionDoc>): ApplicationView {
  return {
    group: presentGroupCard(group, null, regions),
    status: group.status,
    managementLevel: group.managementLevel,
    reviewerLevel: reviewerRoleFor(group.managementLevel),
    applicant: { nickname: (group.applicantId && applicants.get(group.applicantId)?.nickname) || '' },
    submittedAt: group.submittedAt.toISOString(),
    reviewedAt: group.reviewedAt ? group.reviewedAt.toISOString() : null,
    reason: group.reviewReason,
  };
}
