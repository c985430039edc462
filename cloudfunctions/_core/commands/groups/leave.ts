/** groups.leave: a member leaves, or withdraws a pending request (membership and member count in one transaction). */
import { groupPolicies } from '../../../../src/shared/policies/groups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { groupNotFound, groupResource } from '../../authz/groups';
import { countMember, findGroup } from '../../repositories/groups';
import { findMembership, membershipIdOf, updateMembership } from '../../repositories/memberships';
import { inTransaction, type Transaction } from '../../runtime/transactions';
import { groupErrors } from '../../../../src/shared/domainErrors';

/** Leaves a group (members) or withdraws a pending request. The leader must hand over first. */
export async function leaveGroup(actor: Actor, groupId: string, now: Date): Promise<void> {
  await inTransaction(async (tx: Transaction) => {
    const group = await findGroup(groupId, tx);
    const membership = await findMembership(groupId, actor.userId, tx);
    if (!group) throw groupNotFound();
    const resource = groupResource(group, membership);
    authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
    if (!membership || (membership.status !== 'active' && membership.status !== 'pending')) {
      throw groupErrors.notMember();
    }
    if (membership.status === 'active' && membership.role === 'leader') {
      throw groupErrors.leaderMustHandOver();
    }
    authorize(groupPolicies, 'groups.leave', actor, resource);
    await updateMembership(membershipIdOf(groupId, actor.userId), { status: 'left', updatedAt: now }, tx);
    if (membership.status === 'active') await countMember(groupId, -1, now, tx);
  });
}
