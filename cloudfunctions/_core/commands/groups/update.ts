/** groups.update: the leaders change their group's page and rules (name, type and level need a new application). */
import { groupPolicies } from '../../../../src/shared/policies/groups';
import type { GroupsUpdateInput } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleGroup } from '../../authz/groups';
import { assertContentAllowed } from '../../ports/contentCheck';
import { sealPersonal } from '../../privacy/personalData';
import { geoChangeOf, updateGroupDoc, type GroupChanges } from '../../repositories/groups';

/** Changes a group's page and rules (name, type and level need a new application). */
export async function updateGroup(actor: Actor, input: GroupsUpdateInput, now: Date): Promise<void> {
  const { resource } = await loadVisibleGroup(actor, input.groupId);
  authorize(groupPolicies, 'groups.edit', actor, resource);
  await assertContentAllowed(
    { description: input.description, tags: input.tags?.join(' '), contactName: input.contactName, place: input.place ? `${input.place.name} ${input.place.address}` : undefined },
    3,
    actor.openid,
  );
  const changes: GroupChanges = { updatedAt: now };
  if (input.description !== undefined) changes.description = input.description;
  if (input.tags !== undefined) changes.tags = input.tags;
  if (input.coverImage !== undefined) changes.coverImage = input.coverImage;
  if (input.joinPolicy !== undefined) changes.joinPolicy = input.joinPolicy;
  if (input.noShowLimit !== undefined) changes.noShowLimit = input.noShowLimit;
  if (input.cancelCutoffHours !== undefined) changes.cancelCutoffHours = input.cancelCutoffHours;
  if (input.contactName !== undefined) changes['contact.name'] = input.contactName;
  if (input.contactPhone !== undefined) changes['contact.phoneSealed'] = sealPersonal(input.contactPhone);
  if (input.place !== undefined) {
    changes.place = input.place;
    // The geo point follows the place; a place without coordinates (or none) drops it: listed after the located ones.
    changes.geo = geoChangeOf(input.place);
  }
  await updateGroupDoc(input.groupId, changes);
}
