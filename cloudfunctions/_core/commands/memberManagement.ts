/**
 * Leaders run their membership: member list (members only), join requests, approve/reject,
 * remove or ban with a reason, co-leaders, handing over leadership, and invite links.
 * Membership and the member count always change in one transaction.
 */
import { randomBytes } from 'node:crypto';
import { authorize } from '../../../src/shared/policies/authorize';
import { groupPolicies } from '../../../src/shared/policies/groups';
import type { GroupsTransferInput } from '../../../src/shared/schemas/groups';
import type {
  InviteView,
  JoinRequestView,
  MemberChangeOutput,
  MembersDecideInput,
  MembersRemoveInput,
  MembersSetRoleInput,
  MemberView,
} from '../../../src/shared/schemas/members';
import { notifier } from '../ports/notify';
import { allMatching } from '../repositories/allMatching';
import { Collections } from '../repositories/collections';
import type { GroupDoc } from '../repositories/groups';
import { membershipIdOf, membershipsCollection, type MembershipDoc } from '../repositories/memberships';
import { findUser, type UserDoc } from '../repositories/users';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { inTransaction, type Transaction } from '../runtime/transactions';
import { groupResource } from '../presenters/groups';
import { groupNotFound } from './groupMembership';
import { loadVisibleGroup } from './groupStewardship';
import { groupErrors, memberErrors } from '../../../src/shared/domainErrors';

async function usersById(ids: string[]): Promise<Map<string, UserDoc>> {
  const users = await Promise.all([...new Set(ids)].map((id) => findUser(id)));
  return new Map(users.flatMap((u) => (u ? [[u._id, u] as const] : [])));
}

function presentMember(membership: MembershipDoc, user: UserDoc | undefined): MemberView {
  return { userId: membership.userId, nickname: user?.nickname ?? '', avatar: user?.avatar ?? null, role: membership.role, since: membership.updatedAt.toISOString() };
}

const ROLE_ORDER = { leader: 0, co_leader: 1, member: 2 } as const;

/** The member list: leaders first, then by joining date. Only members and staff see it. */
export async function listMembers(actor: Actor, groupId: string, offset: number, limit: number) {
  const { resource } = await loadVisibleGroup(actor, groupId);
  authorize(groupPolicies, 'members.view', actor, resource);
  // Every member, past a page of 1,000 (CloudBase's most per query), then sorted.
  const members = (await allMatching<MembershipDoc>(Collections.memberships, { groupId, status: 'active' })).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.createdAt.getTime() - b.createdAt.getTime());
  const page = members.slice(offset, offset + limit);
  const users = await usersById(page.map((m) => m.userId));
  return { items: page.map((m) => presentMember(m, users.get(m.userId))), total: members.length, hasMore: offset + page.length < members.length };
}

/** Requests waiting for the leaders, oldest first. */
export async function listJoinRequests(actor: Actor, groupId: string): Promise<{ items: JoinRequestView[] }> {
  const { resource } = await loadVisibleGroup(actor, groupId);
  authorize(groupPolicies, 'groups.manageMembers', actor, resource);
  const { data } = await membershipsCollection().where({ groupId, status: 'pending' }).limit(500).get();
  const requests = (data as MembershipDoc[]).sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
  const users = await usersById(requests.map((r) => r.userId));
  return {
    items: requests.map((r) => ({
      userId: r.userId,
      nickname: users.get(r.userId)?.nickname ?? '',
      avatar: users.get(r.userId)?.avatar ?? null,
      message: r.message,
      requestedAt: r.updatedAt.toISOString(),
    })),
  };
}

interface Loaded {
  group: GroupDoc;
  mine: MembershipDoc | null;
  target: MembershipDoc | null;
}

/** Reads the group, the actor's and the target's memberships inside a transaction, and checks the gate. */
async function loadForChange(tx: Transaction, actor: Actor, groupId: string, targetId: string, ability: string): Promise<Loaded> {
  const { data: group } = (await tx.collection(Collections.groups).doc(groupId).get()) as { data: GroupDoc | null };
  if (!group) throw groupNotFound();
  const { data: mine } = (await tx.collection(Collections.memberships).doc(membershipIdOf(groupId, actor.userId)).get()) as { data: MembershipDoc | null };
  const resource = groupResource(group, mine);
  authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
  authorize(groupPolicies, ability, actor, resource);
  const { data: target } = (await tx.collection(Collections.memberships).doc(membershipIdOf(groupId, targetId)).get()) as { data: MembershipDoc | null };
  return { group, mine, target };
}

/** Approves or rejects a join request. */
export async function decideJoinRequest(actor: Actor, input: MembersDecideInput, now: Date): Promise<MemberChangeOutput> {
  const db = database();
  const result = await inTransaction(async (tx) => {
    const { group, target } = await loadForChange(tx, actor, input.groupId, input.userId, 'groups.manageMembers');
    if (!target || target.status !== 'pending') throw memberErrors.requestNotFound();
    const status = input.decision === 'approve' ? 'active' : 'rejected';
    const changes = { status, updatedAt: now, decidedBy: actor.userId, decidedAt: now, reason: input.reason ?? null } as const;
    await tx.collection(Collections.memberships).doc(target._id).update(changes);
    const memberCount = group.memberCount + (status === 'active' ? 1 : 0);
    if (status === 'active') await tx.collection(Collections.groups).doc(group._id).update({ memberCount: db.command.inc(1), updatedAt: now });
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

/** Removes (or bans) a member. Co-leaders may remove members only; nobody removes the leader. */
export async function removeMember(actor: Actor, input: MembersRemoveInput, now: Date): Promise<MemberChangeOutput> {
  const db = database();
  const result = await inTransaction(async (tx) => {
    const { group, mine, target } = await loadForChange(tx, actor, input.groupId, input.userId, 'groups.manageMembers');
    if (input.userId === actor.userId) throw memberErrors.cannotRemoveSelf();
    if (!target || (target.status !== 'active' && !(input.ban && target.status === 'pending'))) throw memberErrors.notAMember();
    if (target.role === 'leader') throw memberErrors.cannotRemoveLeader();
    if (target.role === 'co_leader' && mine?.role !== 'leader') throw memberErrors.onlyLeaderRemovesDeputy();
    const wasActive = target.status === 'active';
    await tx.collection(Collections.memberships).doc(target._id).update({
      status: input.ban ? 'banned' : 'removed',
      role: 'member',
      updatedAt: now,
      decidedBy: actor.userId,
      decidedAt: now,
      reason: input.reason,
    });
    if (wasActive) await tx.collection(Collections.groups).doc(group._id).update({ memberCount: db.command.inc(-1), updatedAt: now });
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

/** Makes a member co-leader or back to member (leader only). */
export async function setMemberRole(actor: Actor, input: MembersSetRoleInput, now: Date): Promise<MemberChangeOutput> {
  const result = await inTransaction(async (tx) => {
    const { group, target } = await loadForChange(tx, actor, input.groupId, input.userId, 'groups.transfer');
    if (!target || target.status !== 'active') throw memberErrors.notAMember();
    if (target.role === 'leader') throw memberErrors.useHandOver();
    await tx.collection(Collections.memberships).doc(target._id).update({ role: input.role, updatedAt: now });
    return { group, membership: { ...target, role: input.role, updatedAt: now } };
  });
  const user = await findUser(input.userId);
  return { member: presentMember(result.membership, user ?? undefined), memberCount: result.group.memberCount };
}

/** Hands the leadership to another active member; the old leader stays as co-leader. */
export async function transferLeadership(actor: Actor, input: GroupsTransferInput, now: Date): Promise<MemberChangeOutput> {
  const result = await inTransaction(async (tx) => {
    const { group, mine, target } = await loadForChange(tx, actor, input.groupId, input.userId, 'groups.transfer');
    if (input.userId === actor.userId) throw memberErrors.alreadyLeader();
    if (!target || target.status !== 'active') throw memberErrors.handOverToMembersOnly();
    await tx.collection(Collections.memberships).doc(target._id).update({ role: 'leader', updatedAt: now });
    await tx.collection(Collections.memberships).doc(mine!._id).update({ role: 'co_leader', updatedAt: now });
    await tx.collection(Collections.groups).doc(group._id).update({ leaderId: input.userId, updatedAt: now });
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

/** An invite link token for the group, valid for some hours. */
export async function createInvite(actor: Actor, groupId: string, expiresInHours: number, now: Date): Promise<InviteView> {
  const { resource } = await loadVisibleGroup(actor, groupId);
  authorize(groupPolicies, 'invites.create', actor, resource);
  const token = randomBytes(18).toString('base64url');
  const expiresAt = new Date(now.getTime() + expiresInHours * 3600_000);
  // Only the token's hash is stored: a leaked database does not leak working links.
  await database()
    .collection(Collections.invites)
    .add({ _id: digest('invite', token).slice(0, 40), groupId, createdBy: actor.userId, createdAt: now, expiresAt, uses: 0 });
  return { token, path: `pages/group/index?id=${groupId}&invite=${token}`, expiresAt: expiresAt.toISOString() };
}

/** Joins through an invite link, whatever the group's join policy. */
export async function joinByInvite(actor: Actor, token: string, now: Date): Promise<string> {
  const inviteId = digest('invite', token).slice(0, 40);
  const { data } = await database().collection(Collections.invites).doc(inviteId).get();
  const invite = data[0] as { groupId: string; expiresAt: Date } | undefined;
  if (!invite || invite.expiresAt.getTime() <= now.getTime()) throw memberErrors.inviteLinkInvalid();
  const db = database();
  await inTransaction(async (tx) => {
    const { data: group } = (await tx.collection(Collections.groups).doc(invite.groupId).get()) as { data: GroupDoc | null };
    if (!group || group.status !== 'active') throw memberErrors.inviteLinkInvalid();
    const { data: membership } = (await tx.collection(Collections.memberships).doc(membershipIdOf(group._id, actor.userId)).get()) as {
      data: MembershipDoc | null;
    };
    if (membership?.status === 'active') throw groupErrors.alreadyMember();
    if (membership?.status === 'banned') throw groupErrors.removedCannotRejoin();
    await tx.collection(Collections.memberships).doc(membershipIdOf(group._id, actor.userId)).set({
      groupId: group._id,
      userId: actor.userId,
      role: 'member',
      status: 'active',
      message: null,
      createdAt: membership?.createdAt ?? now,
      updatedAt: now,
      decidedBy: null,
      decidedAt: null,
      reason: 'invite',
    });
    await tx.collection(Collections.groups).doc(group._id).update({ memberCount: db.command.inc(1), updatedAt: now });
  });
  await database().collection(Collections.invites).doc(inviteId).update({ uses: db.command.inc(1) });
  return invite.groupId;
}
