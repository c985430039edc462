/** Leaders edit their group; leaders or staff dissolve it (history kept); staff rate it yearly. */
import { authorize } from '../../../src/shared/policies/authorize';
import { groupPolicies } from '../../../src/shared/policies/groups';
import type { GroupsDissolveInput, GroupsRateInput, GroupsUpdateInput } from '../../../src/shared/schemas/groups';
import { assertContentAllowed } from '../ports/contentCheck';
import { sealPersonal } from '../privacy/personalData';
import { recordAudit } from '../repositories/auditLog';
import { findGroup, groupsCollection, meetingPointOf, type GroupDoc } from '../repositories/groups';
import { database } from '../runtime/cloudbase';
import { findMembership } from '../repositories/memberships';
import type { Actor } from '../runtime/actor';
import { digest } from '../runtime/hash';
import { groupResource } from '../presenters/groups';
import { groupNotFound } from './groupMembership';
import { groupErrors } from '../../../src/shared/domainErrors';

/** Loads a group the actor may see, with their membership, or answers NOT_FOUND. */
export async function loadVisibleGroup(actor: Actor, groupId: string) {
  const group = await findGroup(groupId);
  if (!group) throw groupNotFound();
  const membership = await findMembership(groupId, actor.userId);
  const resource = groupResource(group, membership);
  authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
  return { group, membership, resource };
}

/** Changes a group's page and rules (name, type and level need a new application). */
export async function updateGroup(actor: Actor, input: GroupsUpdateInput, now: Date): Promise<void> {
  const { resource } = await loadVisibleGroup(actor, input.groupId);
  authorize(groupPolicies, 'groups.edit', actor, resource);
  await assertContentAllowed(
    { description: input.description, tags: input.tags?.join(' '), contactName: input.contactName, place: input.place ? `${input.place.name} ${input.place.address}` : undefined },
    3,
    actor.openid,
  );
  const changes: Partial<GroupDoc> & Record<string, unknown> = { updatedAt: now };
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
    changes.geo = meetingPointOf(input.place) ?? database().command.remove();
  }
  await groupsCollection().doc(input.groupId).update(changes);
}

/** Dissolves a group: it leaves every list but keeps its members, posts and history. */
export async function dissolveGroup(actor: Actor, input: GroupsDissolveInput, requestId: string, now: Date): Promise<void> {
  const { group, resource } = await loadVisibleGroup(actor, input.groupId);
  authorize(groupPolicies, 'groups.dissolve', actor, resource);
  const { updated } = await groupsCollection()
    .where({ _id: group._id, status: group.status })
    .update({ status: 'dissolved', dissolvedReason: input.reason, updatedAt: now });
  if (updated !== 1) throw groupErrors.statusChanged();
  const asStaff = !(resource.membership?.status === 'active' && resource.membership.role === 'leader');
  if (asStaff) {
    await recordAudit(
      { actorId: actor.userId, action: 'groups.dissolve', targetType: 'group', targetId: group._id, regionId: group.communityId ?? group.streetId, reason: input.reason, details: {} },
      digest('audit', actor.userId, requestId),
      now,
    );
  }
}

/** Sets the yearly "excellent community service team" rating. */
export async function rateGroup(actor: Actor, input: GroupsRateInput, requestId: string, now: Date): Promise<void> {
  const { group, resource } = await loadVisibleGroup(actor, input.groupId);
  authorize(groupPolicies, 'groups.rate', actor, resource);
  const ratings = [...group.ratings.filter((r) => r.year !== input.year), { year: input.year, excellent: input.excellent, by: actor.userId, at: now }].sort(
    (a, b) => a.year - b.year,
  );
  await groupsCollection().doc(group._id).update({ ratings, updatedAt: now });
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
