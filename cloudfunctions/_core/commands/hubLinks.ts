/**
 * Hub organizations (枢纽型) coordinate other groups: a hub's leaders invite a group of the
 * same street; the group's leaders accept or decline; the hub page lists its member groups.
 */
import { authorize } from '../../../src/shared/policies/authorize';
import { groupPolicies } from '../../../src/shared/policies/groups';
import type { HubLinkView } from '../../../src/shared/schemas/hubs';
import { notifier } from '../ports/notify';
import { Collections } from '../repositories/collections';
import { findGroup, findGroups, groupsCollection, type GroupDoc } from '../repositories/groups';
import { findMembership, membershipsInGroups } from '../repositories/memberships';
import { regionDirectory, type RegionDoc } from '../repositories/regions';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { groupResource, presentGroupCard } from '../presenters/groups';
import { groupNotFound } from './groupMembership';
import { loadVisibleGroup } from './groupStewardship';
import { hubErrors } from '../../../src/shared/domainErrors';

interface HubLinkDoc {
  _id: string;
  hubId: string;
  groupId: string;
  status: 'invited' | 'linked' | 'declined';
  invitedBy: string;
  invitedAt: Date;
  respondedBy: string | null;
  respondedAt: Date | null;
}

const links = () => database().collection(Collections.hubLinks);

function presentLink(link: HubLinkDoc, hub: GroupDoc, group: GroupDoc, regions: Map<string, RegionDoc>): HubLinkView {
  return {
    id: link._id,
    hub: presentGroupCard(hub, null, regions),
    group: presentGroupCard(group, null, regions),
    status: link.status,
    invitedAt: link.invitedAt.toISOString(),
    respondedAt: link.respondedAt ? link.respondedAt.toISOString() : null,
  };
}

/** A hub invites a group of its street (or county, for a county-registered hub) to link. */
export async function inviteToHub(actor: Actor, hubId: string, groupId: string, now: Date): Promise<HubLinkView> {
  const { group: hub, resource } = await loadVisibleGroup(actor, hubId);
  authorize(groupPolicies, 'hubs.invite', actor, resource);
  const group = await findGroup(groupId);
  if (!group || group.status !== 'active' || group._id === hub._id) throw groupNotFound();
  if (group.type === 'hub') throw hubErrors.hubsCannotJoinHubs();
  if (group.streetId !== hub.streetId) throw hubErrors.sameStreetOnly();
  if (group.hubId) throw hubErrors.inAnotherHub();
  const id = `h${digest('hub-link', hub._id, group._id).slice(0, 24)}`;
  const { data } = await links().doc(id).get();
  const existing = data[0] as HubLinkDoc | undefined;
  if (existing?.status === 'linked' || existing?.status === 'invited') throw hubErrors.alreadyInvited();
  const link: HubLinkDoc = { _id: id, hubId: hub._id, groupId: group._id, status: 'invited', invitedBy: actor.userId, invitedAt: now, respondedBy: null, respondedAt: null };
  const { _id, ...fields } = link;
  await links().doc(_id).set(fields);
  if (group.leaderId) {
    await notifier().notify({
      userId: group.leaderId,
      kind: 'hub_invite',
      params: { hub: hub.name, group: group.name },
      link: `pages/group/index?id=${group._id}`,
      dedupeKey: `hub-invite-${id}-${now.getTime()}`,
    });
  }
  return presentLink(link, hub, group, await regionDirectory());
}

/** The invited group's leaders accept or decline. */
export async function respondToHub(actor: Actor, linkId: string, accept: boolean, now: Date): Promise<HubLinkView> {
  const { data } = await links().doc(linkId).get();
  const link = data[0] as HubLinkDoc | undefined;
  if (!link) throw hubErrors.inviteNotFound();
  const group = await findGroup(link.groupId);
  if (!group) throw hubErrors.inviteNotFound();
  const membership = await findMembership(group._id, actor.userId);
  // Only the invited group's leaders may see the invitation at all.
  authorize(groupPolicies, 'hubs.respond', actor, groupResource(group, membership), hubErrors.inviteNotFound());
  if (link.status !== 'invited') throw hubErrors.inviteHandled();
  const status = accept ? 'linked' : 'declined';
  const { updated } = await links().where({ _id: linkId, status: 'invited' }).update({ status, respondedBy: actor.userId, respondedAt: now });
  if (updated !== 1) throw hubErrors.inviteHandled();
  if (accept) {
    const joined = await groupsCollection().where({ _id: group._id, hubId: null }).update({ hubId: link.hubId, updatedAt: now });
    if (joined.updated !== 1) {
      await links().doc(linkId).update({ status: 'declined' });
      throw hubErrors.inAnotherHub();
    }
  }
  const hub = await findGroup(link.hubId);
  return presentLink({ ...link, status, respondedBy: actor.userId, respondedAt: now }, hub!, { ...group, hubId: accept ? link.hubId : group.hubId }, await regionDirectory());
}

/** Invitations waiting for a group's leaders. */
export async function hubInvitations(actor: Actor, groupId: string): Promise<{ items: HubLinkView[] }> {
  const { resource } = await loadVisibleGroup(actor, groupId);
  authorize(groupPolicies, 'hubs.respond', actor, resource);
  const { data } = await links().where({ groupId, status: 'invited' }).limit(50).get();
  const pending = data as HubLinkDoc[];
  const groups = new Map((await findGroups([...pending.map((l) => l.hubId), groupId])).map((g) => [g._id, g]));
  const regions = await regionDirectory();
  return {
    items: pending.flatMap((l) => {
      const hub = groups.get(l.hubId);
      const group = groups.get(l.groupId);
      return hub && group ? [presentLink(l, hub, group, regions)] : [];
    }),
  };
}

/** A hub's member groups with how many activities each has held. */
export async function hubMembers(actor: Actor, hubId: string) {
  const { group: hub } = await loadVisibleGroup(actor, hubId);
  if (hub.type !== 'hub') throw hubErrors.notAHub();
  const { data } = await links().where({ hubId, status: 'linked' }).limit(500).get();
  const linked = data as HubLinkDoc[];
  const groups = new Map((await findGroups(linked.map((l) => l.groupId))).map((g) => [g._id, g]));
  const [regions, mine] = await Promise.all([regionDirectory(), membershipsInGroups(actor.userId, [...groups.keys()])]);
  const activities = database().collection(Collections.activities);
  const items = await Promise.all(
    linked
      .filter((l) => groups.get(l.groupId)?.status === 'active')
      .map(async (l) => ({
        group: presentGroupCard(groups.get(l.groupId)!, mine.get(l.groupId) ?? null, regions),
        activityCount: (await activities.where({ groupId: l.groupId }).count()).total,
        linkedAt: (l.respondedAt ?? l.invitedAt).toISOString(),
      })),
  );
  return { items: items.sort((a, b) => b.activityCount - a.activityCount || a.group.name.localeCompare(b.group.name, 'zh-CN')) };
}
