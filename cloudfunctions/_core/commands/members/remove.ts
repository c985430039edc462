/** members.remove: the leaders remove (or ban) a member. Co-leaders may remove members only; nobody removes the leader. */
import { AppError } from '../../../../src/shared/errors';
import type { MemberChangeOutput, MembersRemoveInput } from '../../../../src/shared/schemas/members';
import type { Actor } from '../../authz/actor';
import { loadMemberChange } from '../../authz/groups';
import { notifier } from '../../ports/notify';
import { countMember } from '../../repositories/groups';
import { updateMembership } from '../../repositories/memberships';
import { digest } from '../../runtime/hash';
import { inTransaction } from '../../runtime/transactions';

/** Removes (or bans) a member with a reason, and tells them. */
export async function removeMember(actor: Actor, input: MembersRemoveInput, now: Date): Promise<MemberChangeOutput> {
  const result = await inTransaction(async (tx) => {
    const { group, mine, target } = await loadMemberChange(tx, actor, input.groupId, input.userId, 'groups.manageMembers');
    if (input.userId === actor.userId) throw new AppError('CONFLICT', '不能移除自己，请使用“退出小组”');
    if (!target || (target.status !== 'active' && !(input.ban && target.status === 'pending'))) throw new AppError('NOT_FOUND', '该用户不是小组成员');
    if (target.role === 'leader') throw new AppError('FORBIDDEN', '不能移除队长');
    if (target.role === 'co_leader' && mine?.role !== 'leader') throw new AppError('FORBIDDEN', '只有队长可以移除副队长');
    const wasActive = target.status === 'active';
    await updateMembership(target._id, { status: input.ban ? 'banned' : 'removed', role: 'member', updatedAt: now, decidedBy: actor.userId, decidedAt: now, reason: input.reason }, tx);
    if (wasActive) await countMember(group._id, -1, now, tx);
    return { group, memberCount: group.memberCount - (wasActive ? 1 : 0) };
  });
  await notifier().notify({
    userId: input.userId,
    kind: 'member_removed',
    params: { group: result.group.name, reason: input.reason },
    link: null,
    dedupeKey: `member-removed-${digest(input.groupId, input.userId, now.toISOString()).slice(0, 24)}`,
  });
  return { member: null, memberCount: result.memberCount };
}
