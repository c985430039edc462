/**
 * groups.join: joins an open group or asks to join an approval group. Membership and the
 * group's member count change together in one transaction, so the count always equals the
 * active memberships, whatever the concurrency.
 */
import { groupPolicies } from '../../../../src/shared/policies/groups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { groupNotFound, groupResource } from '../../authz/groups';
import { notifier } from '../../ports/notify';
import { countMember, findGroup, type GroupDoc } from '../../repositories/groups';
import { findMembership, membershipIdOf, putMembership, type MembershipDoc } from '../../repositories/memberships';
import { inTransaction, type Transaction } from '../../runtime/transactions';
import { groupErrors } from '../../../../src/shared/domainErrors';

export type JoinOutcome = { kind: 'joined' | 'requested'; group: GroupDoc };

/** Joins an open group or asks to join an approval group. */
export async function joinGroup(actor: Actor, groupId: string, message: string | undefined, now: Date): Promise<JoinOutcome> {
  const outcome = await inTransaction(async (tx: Transaction): Promise<JoinOutcome> => {
    const group = await findGroup(groupId, tx);
    const membership = await findMembership(groupId, actor.userId, tx);
    if (!group) throw groupNotFound();
    const resource = groupResource(group, membership);
    authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
    if (membership?.status === 'active') throw groupErrors.alreadyMember();
    if (membership?.status === 'pending') throw groupErrors.applicationPending();
    if (membership?.status === 'banned' || membership?.status === 'removed') throw groupErrors.removedCannotRejoin();
    if (group.status !== 'active' || group.joinPolicy === 'invite') {
      throw group.joinPolicy === 'invite' ? groupErrors.inviteOnly() : groupErrors.notJoinable();
    }
    authorize(groupPolicies, 'groups.join', actor, resource);
    const open = group.joinPolicy === 'open';
    const next: Omit<MembershipDoc, '_id'> = {
      groupId,
      userId: actor.userId,
      role: 'member',
      status: open ? 'active' : 'pending',
      message: message ?? null,
      createdAt: membership?.createdAt ?? now,
      updatedAt: now,
      decidedBy: null,
      decidedAt: null,
      reason: null,
    };
    await putMembership(next, tx);
    if (open) await countMember(groupId, 1, now, tx);
    return { kind: open ? 'joined' : 'requested', group };
  });

  if (outcome.kind === 'requested' && outcome.group.leaderId) {
    await notifier().notify({
      userId: outcome.group.leaderId,
      kind: 'join_request',
      params: { nickname: actor.user.nickname, group: outcome.group.name },
      link: `pages/group/index?id=${groupId}`,
      dedupeKey: `join-request-${membershipIdOf(groupId, actor.userId)}-${now.getTime()}`,
    });
  }
  return outcome;
}
