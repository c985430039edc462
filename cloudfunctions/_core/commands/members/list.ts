/** members.list: the member list, leaders first, then by joining date. Only members and staff see it. */
import { memberPolicies } from '../../../../src/shared/policies/members';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleGroup } from '../../authz/groups';
import { presentMember } from '../../presenters/members';
import { activeMembersOf } from '../../repositories/memberships';
import { usersById } from '../../repositories/users';

const ROLE_ORDER = { leader: 0, co_leader: 1, member: 2 } as const;

/** A page of a group's active members. */
export async function listMembers(actor: Actor, groupId: string, offset: number, limit: number) {
  const { resource } = await loadVisibleGroup(actor, groupId);
  authorize(memberPolicies, 'members.view', actor, resource);
  // Every member, past a page of 1,000 (CloudBase's most per query), then sorted.
  const members = (await activeMembersOf(groupId)).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.createdAt.getTime() - b.createdAt.getTime());
  const page = members.slice(offset, offset + limit);
  const users = await usersById(page.map((m) => m.userId));
  return { items: page.map((m) => presentMember(m, users.get(m.userId))), total: members.length, hasMore: offset + page.length < members.length };
}
