/** Reading groups: discovery lists, a group's page, and my own groups and requests. */
import { authorize } from '../../../src/shared/policies/authorize';
import { groupPolicies } from '../../../src/shared/policies/groups';
import type { GroupDetail, GroupsListInput, GroupsListOutput, MembershipsMineOutput } from '../../../src/shared/schemas/groups';
import type { Actor } from '../runtime/actor';
import { findGroup, findGroups, nearestActiveGroups, searchActiveGroups, type GroupDoc } from '../repositories/groups';
import { greatCircleMeters, type LatLng } from '../runtime/geo';
import { findMembership, membershipsInGroups, membershipsOfUser } from '../repositories/memberships';
import { regionDirectory } from '../repositories/regions';
import { findUser } from '../repositories/users';
import { groupResource, presentGroupCard, presentGroupDetail } from '../presenters/groups';
import { groupNotFound } from './groupMembership';
import { regionErrors } from '../../../src/shared/domainErrors';

/** Active groups of a community (default: mine) or of its whole street, most members first. */
export async function listGroups(actor: Actor, input: GroupsListInput): Promise<GroupsListOutput> {
  const regions = await regionDirectory();
  const communityId = input.communityId ?? actor.user.homeCommunityId;
  if (!communityId) {
    throw regionErrors.communityRequired();
  }
  const community = regions.get(communityId);
  if (!community || community.level !== 'community') {
    throw regionErrors.communityUnknown();
  }
  const query = {
    ...(input.area === 'community' ? { communityId } : { streetId: community.parentId ?? '' }),
    ...(input.type ? { type: input.type } : {}),
    ...(input.q ? { text: input.q } : {}),
  };
  const near = input.near;
  const { items, total, located } = near
    ? await nearestActiveGroups(query, near, input.offset, input.limit, input.located).then(({ docs, ...rest }) => ({ items: docs, ...rest }))
    : { ...(await searchActiveGroups(query, input.offset, input.limit)), located: undefined };
  const mine = await membershipsInGroups(
    actor.userId,
    items.map((g) => g._id),
  );
  return {
    items: items.map((group) => {
      const card = presentGroupCard(group, mine.get(group._id) ?? null, regions);
      return near ? { ...card, distanceMeters: distanceOf(group, near) } : card;
    }),
    total,
    hasMore: input.offset + items.length < total,
    ...(located === undefined ? {} : { located }),
  };
}

/** Whole metres from a place to where a group meets, or null when it has not said (on CloudBase's sphere, as geoNear orders). */
function distanceOf(group: GroupDoc, near: LatLng): number | null {
  const place = group.place;
  if (!place || place.latitude === null || place.longitude === null) return null;
  return Math.round(greatCircleMeters(near, { latitude: place.latitude, longitude: place.longitude }));
}

/** A group's page as the actor may see it; a group they may not see answers like a missing one. */
export async function getGroupDetail(actor: Actor, groupId: string): Promise<GroupDetail> {
  const group = await findGroup(groupId);
  if (!group) throw groupNotFound();
  const membership = await findMembership(groupId, actor.userId);
  authorize(groupPolicies, 'groups.view', actor, groupResource(group, membership), groupNotFound());
  const [regions, leader, hub] = await Promise.all([
    regionDirectory(),
    group.leaderId ? findUser(group.leaderId) : Promise.resolve(null),
    group.hubId ? findGroup(group.hubId) : Promise.resolve(null),
  ]);
  return presentGroupDetail(actor, group, membership, regions, leader, hub);
}

/** My active groups and my requests (pending, and refusals of the last 30 days). */
export async function myMemberships(actor: Actor, now: Date): Promise<MembershipsMineOutput> {
  const memberships = await membershipsOfUser(actor.userId, ['active', 'pending', 'rejected']);
  const recent = now.getTime() - 30 * 24 * 60 * 60 * 1000;
  const relevant = memberships.filter((m) => m.status !== 'rejected' || m.updatedAt.getTime() >= recent);
  const [groups, regions] = await Promise.all([findGroups(relevant.map((m) => m.groupId)), regionDirectory()]);
  const byId = new Map<string, GroupDoc>(groups.map((g) => [g._id, g]));
  const cards = relevant
    .filter((m) => byId.get(m.groupId)?.status !== 'dissolved')
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
    .flatMap((m) => {
      const group = byId.get(m.groupId);
      return group ? [{ status: m.status, card: presentGroupCard(group, m, regions) }] : [];
    });
  return {
    groups: cards.filter((c) => c.status === 'active').map((c) => c.card),
    requests: cards.filter((c) => c.status !== 'active').map((c) => c.card),
  };
}
