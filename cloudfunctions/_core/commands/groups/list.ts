/**
 * groups.list: discovery — active groups of a community (default: mine) or of its whole street.
 * Two sequential round trips under CloudBase's model: the caller's mark, then the page, its count
 * and her memberships side by side.
 */
import type { GroupsListInput, GroupsListOutput } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { presentGroupCard } from '../../presenters/groups';
import { nearestActiveGroups, searchActiveGroups, type GroupDoc } from '../../repositories/groups';
import { allMembershipsOf, membershipsInGroups } from '../../repositories/memberships';
import { regionDirectory } from '../../repositories/regions';
import { greatCircleMeters, type LatLng } from '../../runtime/geo';
import { regionErrors } from '../../../../src/shared/domainErrors';

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
  // My memberships, read beside the page (a person belongs to a few groups): one round trip for both.
  const minePending = allMembershipsOf(actor.userId);
  minePending.catch(() => undefined);
  const near = input.near;
  const { items, total, located } = near
    ? await nearestActiveGroups(query, near, input.offset, input.limit, input.located).then(({ docs, ...rest }) => ({ items: docs, ...rest }))
    : { ...(await searchActiveGroups(query, input.offset, input.limit)), located: undefined };
  const mineAll = await minePending;
  const mine = mineAll.complete
    ? mineAll.byGroup
    : await membershipsInGroups(
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
