/** groups.poster: a group's noticeboard poster, for its leaders (who may invite people: a poster is an invitation). */
import { groupPolicies } from '../../../../src/shared/policies/groups';
import { memberPolicies } from '../../../../src/shared/policies/members';
import type { Poster } from '../../../../src/shared/schemas/common';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { groupNotFound, groupResource } from '../../authz/groups';
import { POSTER_PAGES, posterCodeFor } from '../../ports/posterCode';
import { findGroup } from '../../repositories/groups';
import { findMembership } from '../../repositories/memberships';

/** The group's mini-program code with its name and meeting place. */
export async function groupPoster(actor: Actor, groupId: string): Promise<Poster> {
  const [group, membership] = await Promise.all([findGroup(groupId), findMembership(groupId, actor.userId)]);
  if (!group) throw groupNotFound();
  const resource = groupResource(group, membership);
  authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
  authorize(memberPolicies, 'invites.create', actor, resource);
  return {
    code: await posterCodeFor(POSTER_PAGES.group, group._id),
    title: group.name,
    groupName: group.name,
    startAt: null,
    endAt: null,
    place: group.place ? `${group.place.name}（${group.place.address}）` : null,
  };
}
