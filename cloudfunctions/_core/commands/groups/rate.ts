/** groups.rate: street or county staff set the yearly "excellent community service team" rating. */
import { groupPolicies } from '../../../../src/shared/policies/groups';
import type { GroupsRateInput } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleGroup } from '../../authz/groups';
import { recordAudit } from '../../repositories/auditLog';
import { updateGroupDoc } from '../../repositories/groups';
import { digest } from '../../runtime/hash';

/** Sets the yearly "excellent community service team" rating. */
export async function rateGroup(actor: Actor, input: GroupsRateInput, requestId: string, now: Date): Promise<void> {
  const { group, resource } = await loadVisibleGroup(actor, input.groupId);
  authorize(groupPolicies, 'groups.rate', actor, resource);
  const ratings = [...group.ratings.filter((r) => r.year !== input.year), { year: input.year, excellent: input.excellent, by: actor.userId, at: now }].sort(
    (a, b) => a.year - b.year,
  );
  await updateGroupDoc(group._id, { ratings, updatedAt: now });
  await recordAudit(
    {
      actorId: actor.userId,
      action: 'groups.rate',
      targetType: 'group',
      targetId: group._id,
      regionId: group.communityId ?? group.streetId,
      reason: null,
      details: { year: input.year, excellent: input.excellent },
    },
    digest('audit', actor.userId, requestId),
    now,
  );
}
