/** What the hubs function shows: a hub link with both groups' cards. */
import type { HubLinkView } from '../../../src/shared/schemas/hubs';
import type { GroupDoc } from '../repositories/groups';
import type { HubLinkDoc } from '../repositories/hubLinks';
import type { RegionDoc } from '../repositories/regions';
import { presentGroupCard } from './groups';

/** A hub link as both its hub's and its group's leaders see it. */
export function presentHubLink(link: HubLinkDoc, hub: GroupDoc, group: GroupDoc, regions: Map<string, RegionDoc>): HubLinkView {
  return {
    id: link._id,
    hub: presentGroupCard(hub, null, regions),
    group: presentGroupCard(group, null, regions),
    status: link.status,
    invitedAt: link.invitedAt.toISOString(),
    respondedAt: link.respondedAt ? link.respondedAt.toISOString() : null,
  };
}
