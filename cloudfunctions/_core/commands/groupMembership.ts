/**
 * Joining and leaving groups. Membership and the group's member count change together in one
 * transaction, so the count always equals the active memberships, whatever the concurrency.
 */
import type { AppError } from '../../../src/shared/errors';
import { authorize } from '../../../src/shared/policies/authorize';
import { groupPolicies } from '../../../src/shared/policies/groups';
import { notifier } from '../ports/notify';
import { Collections } from '../repositories/collections';
import type { GroupDoc } from '../repositories/groups';
import { membershipIdOf, type MembershipDoc } from '../repositories/memberships';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { inTransaction, type Transaction } from '../runtime/transactions';
import { groupResource } from '../presenters/groups';
import { groupErrors } from '../../../src/shared/domainErrors';


async function readInTransaction(tx: Transaction, groupId: string, userId: string) {
  const groupRead = (await tx.collection(Collections.groups).doc(groupId).get()) as { data: GroupDoc | null };
  const membershipRead = (await tx.collection(Collections.memberships).doc(membershipIdOf(groupId, userId)).get()) as {
    data: MembershipDoc | null;
  };
  return { group: groupRead.data, membership: membershipRead.data };
}

/** A group that is missing and one the actor may not see answer alike. */
export function groupNotFound(): AppError {
  return groupErrors.notFound();
}

export type JoinOutcome = { kind: 'joined' | 'requested'; group: GroupDoc };

/** Joins an open group or asks to join an approval group. */
export async function joinGroup(actor: Actor, groupId: string, message: string | undefined, now: Date): Promise<JoinOutcome> {
  const db = database();
  const outcome = await inTransaction(async (tx: Transaction): Promise<JoinOutcome> => {
    const { group, membership } = await readInTransaction(tx, groupId, actor.userId);
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
    await tx.collection(Collections.memberships).doc(membershipIdOf(groupId, actor.userId)).set(next);
    if (open) {
      await tx.collection(Collections.groups).doc(groupId).update({ memberCount: db.command.inc(1), updatedAt: now });
    }
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

/** Leaves a group (members) or withdraws a pending request. The leader must hand over first. */
export async function leaveGroup(actor: Actor, groupId: string, now: Date): Promise<void> {
  const db = database();
  await inTransaction(async (tx: Transaction) => {
    const { group, membership } = await readInTransaction(tx, groupId, actor.userId);
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
    await tx.collection(Collections.memberships).doc(membershipIdOf(groupId, actor.userId)).update({ status: 'left', updatedAt: now });
    if (membership.status === 'active') {
      await tx.collection(Collections.groups).doc(groupId).update({ memberCount: db.command.inc(-1), updatedAt: now });
    }
  });
}
