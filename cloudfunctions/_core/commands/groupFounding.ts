/**
 * Founding a group: a resident applies; the reviewer follows the management level
 * (community-managed → its committee, filed → its street, registered → the county, which
 * records the registration number); a rejected applicant sees why and may resubmit.
 */
import { AppError } from '../../../src/shared/errors';
import { authorize } from '../../../src/shared/policies/authorize';
import { groupPolicies, reviewerRoleFor } from '../../../src/shared/policies/groups';
import type { ApplicationView, GroupsFoundInput, GroupsResubmitInput, GroupsReviewInput } from '../../../src/shared/schemas/groups';
import { assertContentAllowed } from '../ports/contentCheck';
import { notifier } from '../ports/notify';
import { sealPersonal } from '../privacy/personalData';
import { recordAudit } from '../repositories/auditLog';
import { Collections } from '../repositories/collections';
import { findGroup, groupsCollection, meetingPointOf, type GroupDoc } from '../repositories/groups';
import { database } from '../runtime/cloudbase';
import { membershipIdOf, type MembershipDoc } from '../repositories/memberships';
import { regionDirectory, type RegionDoc } from '../repositories/regions';
import { findUser } from '../repositories/users';
import type { Actor } from '../runtime/actor';
import { digest } from '../runtime/hash';
import { inTransaction, type Transaction } from '../runtime/transactions';
import { groupResource, presentGroupCard } from '../presenters/groups';
import { groupNotFound } from './groupMembership';
import { groupErrors } from '../../../src/shared/domainErrors';

type Placement = Pick<GroupDoc, 'communityId' | 'streetId' | 'countyId'>;

/** Where a new group sits in the region tree; the community or street must exist. */
async function placementOf(input: { communityId: string | null; streetId?: string }): Promise<Placement> {
  const regions = await regionDirectory();
  const invalid = (path: string, message: string) => new AppError('INVALID_INPUT', `${path}: ${message}`, [{ path, message }]);
  if (input.communityId) {
    const community = regions.get(input.communityId);
    if (!community || community.level !== 'community' || !community.parentId) throw invalid('communityId', '社区不存在');
    return { communityId: community._id, streetId: community.parentId, countyId: community.ancestorIds[0] ?? '' };
  }
  const street = regions.get(input.streetId ?? '');
  if (!street || street.level !== 'street' || !street.parentId) throw invalid('streetId', '街道不存在');
  return { communityId: null, streetId: street._id, countyId: street.parentId };
}

type GroupFields = Omit<GroupsFoundInput, 'contactName' | 'contactPhone' | 'streetId'> & { contactName: string; contactPhone: string };

function applicationFields(input: GroupFields, placement: Placement) {
  return {
    name: input.name,
    type: input.type,
    managementLevel: input.managementLevel,
    ...placement,
    description: input.description,
    tags: input.tags,
    coverImage: input.coverImage,
    contact: { name: input.contactName, phoneSealed: sealPersonal(input.contactPhone) },
    joinPolicy: input.joinPolicy,
    noShowLimit: input.noShowLimit,
    cancelCutoffHours: input.cancelCutoffHours,
    place: input.place,
  };
}

/** The `geo` field of a new group: its meeting point, or nothing when the place has no coordinates. */
function geoOf(place: GroupDoc['place']): { geo?: object } {
  const geo = meetingPointOf(place);
  return geo ? { geo } : {};
}

async function checkTexts(actor: Actor, input: GroupFields): Promise<void> {
  await assertContentAllowed(
    { name: input.name, description: input.description, tags: input.tags.join(' '), contactName: input.contactName, place: input.place ? `${input.place.name} ${input.place.address}` : undefined },
    3,
    actor.openid,
  );
}

/** A resident applies to found a group; it waits for review. */
export async function foundGroup(actor: Actor, input: GroupsFoundInput, requestId: string, now: Date): Promise<GroupDoc> {
  const placement = await placementOf(input);
  await checkTexts(actor, input);
  const id = `g${digest('group', actor.userId, requestId).slice(0, 20)}`;
  const group: GroupDoc = {
    _id: id,
    ...applicationFields(input, placement),
    // Kept beside the place so nearest-first lists can use the geo index.
    ...geoOf(input.place),
    registrationNumber: null,
    filingNumber: null,
    status: 'pending',
    leaderId: null,
    memberCount: 0,
    applicantId: actor.userId,
    submittedAt: now,
    reviewedAt: null,
    reviewedBy: null,
    reviewReason: null,
    ratings: [],
    hubId: null,
    dissolvedReason: null,
    createdAt: now,
    updatedAt: now,
  };
  await groupsCollection().add(group);
  return group;
}

/** The applicant changes a rejected application and sends it back for review. */
export async function resubmitApplication(actor: Actor, input: GroupsResubmitInput, now: Date): Promise<GroupDoc> {
  const group = await findGroup(input.groupId);
  if (!group) throw groupNotFound();
  const resource = groupResource(group, null);
  authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
  authorize(groupPolicies, 'groups.resubmit', actor, resource);
  const placement = await placementOf(input);
  await checkTexts(actor, input);
  const changes = { ...applicationFields(input, placement), geo: meetingPointOf(input.place) ?? database().command.remove(), status: 'pending' as const, submittedAt: now, reviewedAt: null, reviewedBy: null, updatedAt: now };
  // Conditional on still being rejected, so a resubmission cannot race a second one.
  const { updated } = await groupsCollection().where({ _id: group._id, status: 'rejected' }).update(changes);
  if (updated !== 1) throw groupErrors.applicationChanged();
  return { ...group, ...changes, reviewReason: group.reviewReason };
}

/** Approve (the applicant becomes the leader) or reject (with a reason) an application. */
export async function reviewApplication(actor: Actor, input: GroupsReviewInput, requestId: string, now: Date): Promise<GroupDoc> {
  const reviewed = await inTransaction(async (tx: Transaction): Promise<GroupDoc> => {
    const { data: group } = (await tx.collection(Collections.groups).doc(input.groupId).get()) as { data: GroupDoc | null };
    if (!group) throw groupNotFound();
    const resource = groupResource(group, null);
    authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
    authorize(groupPolicies, 'groups.review', actor, resource);
    if (input.decision === 'reject') {
      const changes = { status: 'rejected' as const, reviewedAt: now, reviewedBy: actor.userId, reviewReason: input.reason ?? null, updatedAt: now };
      await tx.collection(Collections.groups).doc(group._id).update(changes);
      return { ...group, ...changes };
    }
    const needsNumber = group.managementLevel !== 'community';
    if (needsNumber && !input.number) {
      const message = group.managementLevel === 'registered' ? '登记时请填写登记证号' : '备案时请填写备案编号';
      throw new AppError('INVALID_INPUT', `number: ${message}`, [{ path: 'number', message }]);
    }
    const applicantId = group.applicantId;
    if (!applicantId) throw groupErrors.applicantMissing();
    const leader: Omit<MembershipDoc, '_id'> = {
      groupId: group._id,
      userId: applicantId,
      role: 'leader',
      status: 'active',
      message: null,
      createdAt: now,
      updatedAt: now,
      decidedBy: actor.userId,
      decidedAt: now,
      reason: null,
    };
    await tx.collection(Collections.memberships).doc(membershipIdOf(group._id, applicantId)).set(leader);
    const changes = {
      status: 'active' as const,
      leaderId: applicantId,
      memberCount: 1,
      reviewedAt: now,
      reviewedBy: actor.userId,
      reviewReason: input.reason ?? null,
      registrationNumber: group.managementLevel === 'registered' ? (input.number ?? null) : null,
      filingNumber: group.managementLevel === 'filed' ? (input.number ?? null) : null,
      updatedAt: now,
    };
    await tx.collection(Collections.groups).doc(group._id).update(changes);
    return { ...group, ...changes };
  });
  await recordAudit(
    {
      actorId: actor.userId,
      action: `groups.review.${input.decision}`,
      targetType: 'group',
      targetId: reviewed._id,
      regionId: reviewed.communityId ?? reviewed.streetId,
      reason: input.reason ?? null,
      details: { managementLevel: reviewed.managementLevel, number: input.number ?? null },
    },
    digest('audit', actor.userId, requestId),
    now,
  );
  if (reviewed.applicantId) {
    await notifier().notify({
      userId: reviewed.applicantId,
      kind: 'group_review',
      params: { group: reviewed.name, reason: input.reason ?? '', ...(input.decision === 'approve' ? { approved: 1 } : {}) },
      link: `pages/group/index?id=${reviewed._id}`,
      dedupeKey: `group-review-${digest(reviewed._id, requestId).slice(0, 24)}`,
    });
  }
  return reviewed;
}

/** The reviewer level of a group, for display. */
function reviewerLevelOf(group: GroupDoc) {
  return reviewerRoleFor(group.managementLevel);
}

async function presentApplications(groups: GroupDoc[], regions: Map<string, RegionDoc>): Promise<ApplicationView[]> {
  const applicants = new Map(
    (await Promise.all([...new Set(groups.map((g) => g.applicantId).filter((id): id is string => !!id))].map((id) => findUser(id)))).flatMap((u) =>
      u ? [[u._id, u] as const] : [],
    ),
  );
  return groups.map((group) => ({
    group: presentGroupCard(group, null, regions),
    status: group.status,
    managementLevel: group.managementLevel,
    reviewerLevel: reviewerLevelOf(group),
    applicant: { nickname: (group.applicantId && applicants.get(group.applicantId)?.nickname) || '' },
    submittedAt: group.submittedAt.toISOString(),
    reviewedAt: group.reviewedAt ? group.reviewedAt.toISOString() : null,
    reason: group.reviewReason,
  }));
}

/** Applications waiting for this staff member: each grant reviews one level in its region. */
export async function reviewQueue(actor: Actor, offset: number, limit: number): Promise<{ items: ApplicationView[]; total: number; hasMore: boolean }> {
  const regionField = { committee: 'communityId', street: 'streetId', county: 'countyId' } as const;
  const levelOf = { committee: 'community', street: 'filed', county: 'registered' } as const;
  const pending: GroupDoc[] = [];
  for (const grant of actor.grants) {
    const { data } = await groupsCollection()
      .where({ [regionField[grant.role]]: grant.regionId, status: 'pending', managementLevel: levelOf[grant.role] })
      .orderBy('submittedAt', 'asc')
      .limit(1000)
      .get();
    pending.push(...(data as GroupDoc[]));
  }
  const unique = [...new Map(pending.map((g) => [g._id, g])).values()].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const page = unique.slice(offset, offset + limit);
  return { items: await presentApplications(page, await regionDirectory()), total: unique.length, hasMore: offset + page.length < unique.length };
}

/** The caller's own applications, newest first. */
export async function myApplications(actor: Actor): Promise<{ items: ApplicationView[] }> {
  const { data } = await groupsCollection().where({ applicantId: actor.userId }).orderBy('submittedAt', 'desc').limit(50).get();
  return { items: await presentApplications(data as GroupDoc[], await regionDirectory()) };
}
