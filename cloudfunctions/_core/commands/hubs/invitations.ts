/** hubs.invitations: the invitations waiting for a group's leaders. */
import { hubPolicies } from '../../../../src/shared/policies/hubs';
import type { HubLinkView } from '../../../../src/shared/schemas/hubs';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleGroup } from '../../authz/groups';
import { presentHubLink } from '../../presenters/hubs';
import { findGroups } from '../../repositories/groups';
import { invitationsOfGroup } from '../../repositories/hubLinks';
import { regionDirectory } from '../../repositories/regions';

/** Invitations waiting for a group's leaders. */
export async function hubInvitations(actor: Actor, groupId: string): Promise<{ items: HubLinkView[] }> {
  const { resource } = await loadVisibleGroup(actor, groupId);
  authorize(hubPolicies, 'hubs.respond', actor, resource);
  const pending = await invitationsOfGroup(groupId);
  const groups = new Map((await findGroups([...pending.map((l) => l.hubId), groupId])).map((g) => [g._id, g]));
  const regions = await regionDirectory();
  return {
    items: pending.flatMap((l) => {
      const hub = groups.get(l.hubId);
      const group = groups.get(l.groupId);
      return hub && group ? [presentHubLink(l, hub, group, regions)] : [];
    }),
  };
}
