/**
 * Joining and leaving groups. Membership and the group's member count change together in one
 * transaction, so the count always equals the active memberships, whatever the concurrency.
 */
import { AppError } from '../../../src/shared/errors';
import { authorize } from '../../../src/shared/policies/authorize';
import { groupPolicies } from '../../../src/shared/policies/groups';
import { notifier } from '../ports/notify';
import { Collections } from '../repositories/collections';
import type { GroupDoc } from '../repositories/groups';
import { membershipIdOf, type MembershipDoc } from '../repositories/memberships';
import type { Actor } from '../authz/actor';
import { database } from '../runtime/cloudbase';
import { inTransaction, type Transaction } from '../runtime/transactions';
import { groupNotFound, groupResource } from '../authz/groups';


async function readInTransaction(tx: Transaction, groupId: string, userId: string) {
  const groupRead = (await tx.collection(Collections.groups).doc(groupId).get()) as { data: GroupDoc | null };
  const membershipRead = (await tx.collection(Collections.memberships).doc(membershipIdOf(groupId, userId)).get()) as {
    data: MembershipDoc | null;
  };
  return { group: groupRead.data, membership: membershipRead.data };
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
    if (membership?.status === 'active') throw new AppError('ALREADY_MEMBER', '你已经是小组成员');
    if (membership?.status === 'pending') throw new AppError('ALREADY_MEMBER', '已提交申请，请等待队长审核');
    if (membership?.status === 'banned' || membership?.status === 'removed') throw new AppError('FORBIDDEN', '你已被移出该小组，不能再次加入');
    if (group.status !== 'active' || group.joinPolicy === 'invite') {
      throw new AppError('GROUP_NOT_JOINABLE', group.joinPolicy === 'invite' ? '该小组仅限邀请加入' : '该小组暂不接受加入');
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
      throw new AppError('NOT_MEMBER', '你不是该小组成员');
    }
    if (membership.status === 'active' && membership.role === 'leader') {
      throw new AppError('CONFLICT', '队长需要先把队长身份转交给其他成员，才能退出');
    }
    authorize(groupPolicies, 'groups.leave', actor, resource);
    await tx.collection(Collections.memberships).doc(membershipIdOf(groupId, actor.userId)).update({ status: 'left', updatedAt: now });
    if (membership.status === 'active') {
      await tx.collection(Collections.groups).doc(groupId).update({ memberCount: db.command.inc(-1), updatedAt: now });
    }
  });
}
