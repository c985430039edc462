/** members.setRole: the leader makes a member co-leader or back to member. */
import type { MemberChangeOutput, MembersSetRoleInput } from '../../../../src/shared/schemas/members';
import type { Actor } from '../../authz/actor';
import { loadMemberChange } from '../../authz/groups';
import { presentMember } from '../../presenters/members';
import { updateMembership } from '../../repositories/memberships';
import { findUser } from '../../repositories/users';
import { inTransaction } from '../../runtime/transactions';
import { memberErrors } from '../../../../src/shared/domainErrors';

/** Makes a member co-leader or back to member (leader only). */
export async function setMemberRole(actor: Actor, input: MembersSetRoleInput, now: Date): Promise<MemberChangeOutput> {
  const result = await inTransaction(async (tx) => {
    const { group, target } = await loadMemberChange(tx, actor, input.groupId, input.userId, 'groups.transfer');
    if (!target || target.status !== 'active') throw memberErrors.notAMember();
    if (target.role === 'leader') throw memberErrors.useHandOver();
    await updateMembership(target._id, { role: input.role, updatedAt: now }, tx);
    return { group, membership: { ...target, role: input.role, updatedAt: now } };
  });
  const user = await findUser(input.userId);
  return { member: presentMember(result.membership, user ?? undefined), memberCount: result.group.memberCount };
}
