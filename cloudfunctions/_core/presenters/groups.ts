/**
 * Views of groups for lists and pages, with the viewer's membership and abilities. Pure: what
 * needs the caller's rights or the data key (abilities, the contact, the review) comes in decided.
 */
import { reviewerRoleFor } from '../../../src/shared/policies/groups';
import type { ApplicationView } from '../../../src/shared/schemas/groups';
import type { GroupCard, GroupDetail, MyMembership } from '../../../src/shared/schemas/groups';
import type { GroupPageAccess } from '../authz/groups';
import type { GroupDoc } from '../repositories/groups';
import type { MembershipDoc } from '../repositories/memberships';
import type { RegionDoc } from '../repositories/regions';
import type { UserDoc } from '../repositories/users';

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

/** The page view of a group. */
export function presentGroupDetail(
  group: GroupDoc,
  membership: MembershipDoc | null,
  regions: Map<string, RegionDoc>,
  leader: UserDoc | null,
  hub: GroupDoc | null,
  access: GroupPageAccess,
): GroupDetail {
  return {
    ...presentGroupCard(group, membership, regions),
    description: group.description,
    registrationNumber: group.registrationNumber,
    filingNumber: group.filingNumber,
    status: group.status,
    leader: leader ? { nickname: leader.nickname, avatar: leader.avatar } : null,
    contact: access.contact,
    createdAt: group.createdAt.toISOString(),
    ratings: group.ratings.map(({ year, excellent }) => ({ year, excellent })),
    hub: hub ? { id: hub._id, name: hub.name } : null,
    review: access.seesReview
      ? { submittedAt: group.submittedAt.toISOString(), reviewedAt: group.reviewedAt?.toISOString() ?? null, reason: group.reviewReason }
      : null,
    dissolvedReason: group.dissolvedReason,
    place: group.place ?? null,
    rules: { noShowLimit: group.noShowLimit, cancelCutoffHours: group.cancelCutoffHours },
    abilities: access.abilities,
  };
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
