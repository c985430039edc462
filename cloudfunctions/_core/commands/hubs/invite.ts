/** hubs.invite: a hub's leaders invite a group of the same street to link. */
import { hubPolicies } from '../../../../src/shared/policies/hubs';
import type { HubLinkView } from '../../../../src/shared/schemas/hubs';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { groupNotFound, loadVisibleGroup } from '../../authz/groups';
import { notifier } from '../../ports/notify';
import { presentHubLink } from '../../presenters/hubs';
import { findGroup } from '../../repositories/groups';
import { findHubLink, hubLinkIdOf, putHubLink, type HubLinkDoc } from '../../repositories/hubLinks';
import { regionDirectory } from '../../repositories/regions';
import { hubErrors } from '../../../../src/shared/domainErrors';

/** A hub invites a group of its street (or county, for a county-registered hub) to link. */
export async function inviteToHub(actor: Actor, hubId: string, groupId: string, now: Date): Promise<HubLinkView> {
  const { group: hub, resource } = await loadVisibleGroup(actor, hubId);
  authorize(hubPolicies, 'hubs.invite', actor, resource);
  const group = await findGroup(groupId);
  if (!group || group.status !== 'active' || group._id === hub._id) throw groupNotFound();
  if (group.type === 'hub') throw hubErrors.hubsCannotJoinHubs();
  if (group.streetId !== hub.streetId) throw hubErrors.sameStreetOnly();
  if (group.hubId) throw hubErrors.inAnotherHub();
  const id = hubLinkIdOf(hub._id, group._id);
  const existing = await findHubLink(id);
  if (existing?.status === 'linked' || existing?.status === 'invited') throw hubErrors.alreadyInvited();
  const link: HubLinkDoc = { _id: id, hubId: hub._id, groupId: group._id, status: 'invited', invitedBy: actor.userId, invitedAt: now, respondedBy: null, respondedAt: null };
  await putHubLink(link);
  if (group.leaderId) {
    await notifier().notify({
      userId: group.leaderId,
      kind: 'hub_invite',
      params: { hub: hub.name, group: group.name },
      link: `pages/group/index?id=${group._id}`,
      dedupeKey: `hub-invite-${id}-${now.getTime()}`,
    });
  }
  return presentHubLink(link, hub, group, await regionDirectory());
}
