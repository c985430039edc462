/** groups.transferLeadership: the leader hands the leadership to another active member; the old leader stays as co-leader. */
import type { GroupsTransferInput } from '../../../../src/shared/schemas/groups';
import type { MemberChangeOutput } from '../../../../src/shared/schemas/members';
import type { Actor } from '../../authz/actor';
import { loadMemberChange } from '../../authz/groups';
import { notifier } from '../../ports/notify';
import { presentMember } from '../../presenters/members';
import { updateGroupDoc } from '../../repositories/groups';
import { updateMembership } from '../../repositories/memberships';
import { findUser } from '../../repositories/users';
import { digest } from '../../runtime/hash';
import { inTransaction } from '../../runtime/transactions';
import { memberErrors } from '../../../../src/shared/domainErrors';

/** Hands over the leadership in one transaction and tells the new leader. */
export async function transferLeadership(actor: Actor, input: GroupsTransferInput, now: Date): Promise<MemberChangeOutput> {
  const result = await inTransaction(async (tx) => {
    const { group, mine, target } = await loadMemberChange(tx, actor, input.groupId, input.userId, 'groups.transfer');
    if (input.userId === actor.userId) throw memberErrors.alreadyLeader();
    if (!target || target.status !== 'active') throw memberErrors.handOverToMembersOnly();
    await updateMembership(target._id, { role: 'leader', updatedAt: now }, tx);
    await updateMembership(mine!._id, { role: 'co_leader', updatedAt: now }, tx);
    await updateGroupDoc(group._id, { leaderId: input.userId, updatedAt: now }, tx);
    return { group, membership: { ...target, role: 'leader' as const, updatedAt: now } };
  });
  await notifier().notify({
    userId: input.userId,
    kind: 'leadership',
    params: { group: result.group.name },
    link: `pages/group/index?id=${input.groupId}`,
    dedupeKey: `leadership-${digest(input.groupId, input.userId, now.toISOString()).slice(0, 24)}`,
  });
  const user = await findUser(input.userId);
  return { member: presentMember(result.membership, user ?? undefined), memberCount: result.group.memberCount };
}
