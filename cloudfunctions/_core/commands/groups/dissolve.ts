/** groups.dissolve: leaders or staff dissolve a group — it leaves every list but keeps its members, posts and history. */
import { groupPolicies } from '../../../../src/shared/policies/groups';
import type { GroupsDissolveInput } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleGroup } from '../../authz/groups';
import { recordAudit } from '../../repositories/auditLog';
import { updateGroupInStatus } from '../../repositories/groups';
import { digest } from '../../runtime/hash';
import { groupErrors } from '../../../../src/shared/domainErrors';

/** Dissolves a group: it leaves every list but keeps its members, posts and history. */
export async function dissolveGroup(actor: Actor, input: GroupsDissolveInput, requestId: string, now: Date): Promise<void> {
  const { group, resource } = await loadVisibleGroup(actor, input.groupId);
  authorize(groupPolicies, 'groups.dissolve', actor, resource);
  if (!(await updateGroupInStatus(group._id, group.status, { status: 'dissolved', dissolvedReason: input.reason, updatedAt: now }))) throw groupErrors.statusChanged();
  const asStaff = !(resource.membership?.status === 'active' && resource.membership.role === 'leader');
  if (asStaff) {
    await recordAudit(
      { actorId: actor.userId, action: 'groups.dissolve', targetType: 'group', targetId: group._id, regionId: group.communityId ?? group.streetId, reason: input.reason, details: {} },
      digest('audit', actor.userId, requestId),
      now,
    );
  }
}
