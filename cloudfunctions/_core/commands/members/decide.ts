/** members.decide: the leaders approve or reject a join request; membership and member count change in one transaction. */
import type { MemberChangeOutput, MembersDecideInput } from '../../../../src/shared/schemas/members';
import type { Actor } from '../../authz/actor';
import { loadMemberChange } from '../../authz/groups';
import { notifier } from '../../ports/notify';
import { presentMember } from '../../presenters/members';
import { countMember } from '../../repositories/groups';
import { updateMembership } from '../../repositories/memberships';
import { findUser } from '../../repositories/users';
import { digest } from '../../runtime/hash';
import { inTransaction } from '../../runtime/transactions';
import { memberErrors } from '../../../../src/shared/domainErrors';

/** Approves or rejects a join request and tells the applicant. */
export async function decideJoinRequest(actor: Actor, input: MembersDecideInput, now: Date): Promise<MemberChangeOutput> {
  const result = await inTransaction(async (tx) => {
    const { group, target } = await loadMemberChange(tx, actor, input.groupId, input.userId, 'groups.manageMembers');
    if (!target || target.status !== 'pending') throw memberErrors.requestNotFound();
    const status = input.decision === 'approve' ? 'active' : 'rejected';
    const changes = { status, updatedAt: now, decidedBy: actor.userId, decidedAt: now, reason: input.reason ?? null } as const;
    await updateMembership(target._id, changes, tx);
    const memberCount = group.memberCount + (status === 'active' ? 1 : 0);
    if (status === 'active') await countMember(group._id, 1, now, tx);
    return { group, membership: { ...target, ...changes }, memberCount };
  });
  await notifier().notify({
    userId: input.userId,
    kind: 'join_decision',
    params: { group: result.group.name, reason: input.reason ?? '', ...(input.decision === 'approve' ? { approved: 1 } : {}) },
    link: `pages/group/index?id=${input.groupId}`,
    dedupeKey: `join-decision-${digest(result.membership._id, now.toISOString()).slice(0, 24)}`,
  });
  const user = await findUser(input.userId);
  return { member: result.membership.status === 'active' ? presentMember(result.membership, user ?? undefined) : null, memberCount: result.memberCount };
}
