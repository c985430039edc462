/** Memberships: one document per person per group, whatever its state. */
import type { MemberRole, MembershipStatus } from '../../../src/shared/schemas/groups';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
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

/** A person's membership in one group, or null. */
export async function findMembership(groupId: string, userId: string): Promise<MembershipDoc | null> {
  const { data } = await membershipsCollection().doc(membershipIdOf(groupId, userId)).get();
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
