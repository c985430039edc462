/** groups.review: the reviewer approves (the applicant becomes the leader) or rejects (with a reason) an application. */
import { groupPolicies } from '../../../../src/shared/policies/groups';
import type { GroupsReviewInput } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { groupNotFound, groupResource } from '../../authz/groups';
import { notifier } from '../../ports/notify';
import { recordAudit } from '../../repositories/auditLog';
import { findGroup, updateGroupDoc, type GroupDoc } from '../../repositories/groups';
import { putMembership, type MembershipDoc } from '../../repositories/memberships';
import { digest } from '../../runtime/hash';
import { inTransaction, type Transaction } from '../../runtime/transactions';
import { groupErrors } from '../../../../src/shared/domainErrors';

/** Approve (the applicant becomes the leader) or reject (with a reason) an application. */
export async function reviewApplication(actor: Actor, input: GroupsReviewInput, requestId: string, now: Date): Promise<GroupDoc> {
  const reviewed = await inTransaction(async (tx: Transaction): Promise<GroupDoc> => {
    const group = await findGroup(input.groupId, tx);
    if (!group) throw groupNotFound();
    const resource = groupResource(group, null);
    authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
    authorize(groupPolicies, 'groups.review', actor, resource);
    if (input.decision === 'reject') {
      const changes = { status: 'rejected' as const, reviewedAt: now, reviewedBy: actor.userId, reviewReason: input.reason ?? null, updatedAt: now };
      await updateGroupDoc(group._id, changes, tx);
      return { ...group, ...changes };
    }
    const needsNumber = group.managementLevel !== 'community';
    if (needsNumber && !input.number) throw group.managementLevel === 'registered' ? groupErrors.registrationNumberRequired() : groupErrors.filingNumberRequired();
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
    await putMembership(leader, tx);
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
    await updateGroupDoc(group._id, changes, tx);
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
