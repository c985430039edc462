/** Memberships: one document per person per group, whatever its state. */
import type { MemberRole, MembershipStatus } from '../../../src/shared/schemas/groups';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import type { Transaction } from '../runtime/transactions';
import { allMatching } from './allMatching';
import { Collections } from './collections';

export interface MembershipDoc {
  _id: string;
  groupId: string;
  userId: string;
  role: MemberRole;
  status: MembershipStatus;
  message: string | null;
  createdAt: Date;
  updatedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
}

/** The one id of a person's membership in a group, so a second sign-up cannot make another. */
export function membershipIdOf(groupId: string, userId: string): string {
  return `m${digest('membership', groupId, userId).slice(0, 30)}`;
}

export const membershipsCollection = () => database().collection(Collections.memberships);

/** A person's membership in one group, or null; read inside `tx` when given. */
export async function findMembership(groupId: string, userId: string, tx?: Transaction): Promise<MembershipDoc | null> {
  const id = membershipIdOf(groupId, userId);
  // Inside a transaction node-sdk answers one document as `data` (an object or null), outside as a list.
  if (tx) return ((await tx.collection(Collections.memberships).doc(id).get()) as { data: MembershipDoc | null }).data;
  const { data } = await membershipsCollection().doc(id).get();
  return (data[0] as MembershipDoc | undefined) ?? null;
}

/** A person's memberships in the given states. */
export async function membershipsOfUser(userId: string, statuses: MembershipStatus[]): Promise<MembershipDoc[]> {
  const _ = database().command;
  const { data } = await membershipsCollection()
    .where({ userId, status: _.in(statuses) })
    .limit(200)
    .get();
  return data as MembershipDoc[];
}

/**
 * Every membership of a person (any status), by group id, read beside a page of groups so the
 * page's "my membership" needs no second round trip. `complete` is false when the limit cut the
 * list (then read by the page's ids: `membershipsInGroups`).
 */
export async function allMembershipsOf(userId: string, limit = 200): Promise<{ byGroup: Map<string, MembershipDoc>; complete: boolean }> {
  const { data } = await membershipsCollection().where({ userId }).limit(limit).get();
  const found = data as MembershipDoc[];
  return { byGroup: new Map(found.map((m) => [m.groupId, m])), complete: found.length < limit };
}

/** A person's memberships among some groups, by group id. */
export async function membershipsInGroups(userId: string, groupIds: string[]): Promise<Map<string, MembershipDoc>> {
  if (groupIds.length === 0) return new Map();
  const _ = database().command;
  const ids = groupIds.map((groupId) => membershipIdOf(groupId, userId));
  const { data } = await membershipsCollection()
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  return new Map((data as MembershipDoc[]).map((m) => [m.groupId, m]));
}

/** What a membership change may set. */
export type MembershipChanges = Partial<Omit<MembershipDoc, '_id' | 'groupId' | 'userId'>>;

/** Changes a membership by id; inside `tx` when given. */
export async function updateMembership(membershipId: string, changes: MembershipChanges, tx?: Transaction): Promise<void> {
  await (tx ? tx.collection(Collections.memberships) : membershipsCollection()).doc(membershipId).update(changes);
}

/** Writes a person's membership in a group whole (the id is derived); inside `tx` when given. */
export async function putMembership(fields: Omit<MembershipDoc, '_id'>, tx?: Transaction): Promise<void> {
  await (tx ? tx.collection(Collections.memberships) : membershipsCollection()).doc(membershipIdOf(fields.groupId, fields.userId)).set(fields);
}

/** Every active member of a group, past CloudBase's 1,000 a query. */
export async function activeMembersOf(groupId: string): Promise<MembershipDoc[]> {
  return allMatching<MembershipDoc>(Collections.memberships, { groupId, status: 'active' });
}

/** A group's open join requests (at most 500). */
export async function joinRequestsOf(groupId: string): Promise<MembershipDoc[]> {
  const { data } = await membershipsCollection().where({ groupId, status: 'pending' }).limit(500).get();
  return data as MembershipDoc[];
}
