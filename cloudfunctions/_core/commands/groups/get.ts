/** groups.get: a group's page (also what every group mutation answers with). */
import { groupPolicies } from '../../../../src/shared/policies/groups';
import type { GroupDetail } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { groupNotFound, groupPageAccess, groupResource } from '../../authz/groups';
import { presentGroupDetail } from '../../presenters/groups';
import { findGroup } from '../../repositories/groups';
import { findMembership } from '../../repositories/memberships';
import { regionDirectory } from '../../repositories/regions';
import { findUser } from '../../repositories/users';

/** A group's page as the actor may see it; a group they may not see answers like a missing one. */
export async function getGroupDetail(actor: Actor, groupId: string): Promise<GroupDetail> {
  const group = await findGroup(groupId);
  if (!group) throw groupNotFound();
  const membership = await findMembership(groupId, actor.userId);
  const resource = groupResource(group, membership);
  authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
  const [regions, leader, hub] = await Promise.all([
    regionDirectory(),
    group.leaderId ? findUser(group.leaderId) : Promise.resolve(null),
    group.hubId ? findGroup(group.hubId) : Promise.resolve(null),
  ]);
  return presentGroupDetail(group, membership, regions, leader, hub, groupPageAccess(actor, group, resource));
}
