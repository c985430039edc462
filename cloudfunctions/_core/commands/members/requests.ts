/** members.requests: the join requests waiting for the leaders, oldest first. */
import { groupPolicies } from '../../../../src/shared/policies/groups';
import type { JoinRequestView } from '../../../../src/shared/schemas/members';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleGroup } from '../../authz/groups';
import { presentJoinRequest } from '../../presenters/members';
import { joinRequestsOf } from '../../repositories/memberships';
import { usersById } from '../../repositories/users';

/** Requests waiting for the leaders, oldest first. */
export async function listJoinRequests(actor: Actor, groupId: string): Promise<{ items: JoinRequestView[] }> {
  const { resource } = await loadVisibleGroup(actor, groupId);
  authorize(groupPolicies, 'groups.manageMembers', actor, resource);
  const requests = (await joinRequestsOf(groupId)).sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
  const users = await usersById(requests.map((r) => r.userId));
  return { items: requests.map((r) => presentJoinRequest(r, users.get(r.userId))) };
}
