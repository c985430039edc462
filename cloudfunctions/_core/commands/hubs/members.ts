/** hubs.members: a hub's member groups with how many activities each has held. */
import type { Actor } from '../../authz/actor';
import { loadVisibleGroup } from '../../authz/groups';
import { presentGroupCard } from '../../presenters/groups';
import { countActivitiesOfGroup } from '../../repositories/activities';
import { findGroups } from '../../repositories/groups';
import { linkedToHub } from '../../repositories/hubLinks';
import { membershipsInGroups } from '../../repositories/memberships';
import { regionDirectory } from '../../repositories/regions';
import { hubErrors } from '../../../../src/shared/domainErrors';

/** A hub's member groups, busiest first; anyone who may see the hub may see them. */
export async function hubMembers(actor: Actor, hubId: string) {
  const { group: hub } = await loadVisibleGroup(actor, hubId);
  if (hub.type !== 'hub') throw hubErrors.notAHub();
  const linked = await linkedToHub(hubId);
  const groups = new Map((await findGroups(linked.map((l) => l.groupId))).map((g) => [g._id, g]));
  const [regions, mine] = await Promise.all([regionDirectory(), membershipsInGroups(actor.userId, [...groups.keys()])]);
  const items = await Promise.all(
    linked
      .filter((l) => groups.get(l.groupId)?.status === 'active')
      .map(async (l) => ({
        group: presentGroupCard(groups.get(l.groupId)!, mine.get(l.groupId) ?? null, regions),
        activityCount: await countActivitiesOfGroup(l.groupId),
        linkedAt: (l.respondedAt ?? l.invitedAt).toISOString(),
      })),
  );
  return { items: items.sort((a, b) => b.activityCount - a.activityCount || a.group.name.localeCompare(b.group.name, 'zh-CN')) };
}
