/** members.remove: the leaders remove (or ban) a member. Co-leaders may remove members only; nobody removes the leader. */
import type { MemberChangeOutput, MembersRemoveInput } from '../../../../src/shared/schemas/members';
import type { Actor } from '../../authz/actor';
import { loadMemberChange } from '../../authz/groups';
import { notifier } from '../../ports/notify';
import { countMember } from '../../repositories/groups';
import { updateMembership } from '../../repositories/memberships';
import { digest } from '../../runtime/hash';
import { inTransaction } from '../../runtime/transactions';
import { memberErrors } from '../../../../src/shared/domainErrors';

/** Removes (or bans) a member with a reason, and tells them. */
export async function removeMember(actor: Actor, input: MembersRemoveInput, now: Date): Promise<MemberChangeOutput> {
  const result = await inTransaction(async (tx) => {
    const { group, mine, target } = await loadMemberChange(tx, actor, input.groupId, input.userId, 'groups.manageMembers');
    if (input.userId === actor.userId) throw memberErrors.cannotRemoveSelf();
    if (!target || (target.status !== 'active' && !(input.ban && target.status === 'pending'))) throw memberErrors.notAMember();
    if (target.role === 'leader') throw memberErrors.cannotRemoveLeader();
    if (target.role === 'co_leader' && mine?.role !== 'leader') throw memberErrors.onlyLeaderRemovesDeputy();
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
