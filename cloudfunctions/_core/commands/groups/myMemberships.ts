/** memberships.mine: my active groups and my requests. */
import type { MembershipsMineOutput } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { presentGroupCard } from '../../presenters/groups';
import { findGroups, type GroupDoc } from '../../repositories/groups';
import { membershipsOfUser } from '../../repositories/memberships';
import { regionDirectory } from '../../repositories/regions';

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
