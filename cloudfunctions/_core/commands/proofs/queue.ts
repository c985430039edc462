/** proofs.queue: the requests waiting for the actor — groups they lead, communities their grants cover. */
import type { Actor } from '../../authz/actor';
import { presentProof } from '../../presenters/proofs';
import { membershipsOfUser } from '../../repositories/memberships';
import { requestsFor } from '../../repositories/proofs';
import { regionDirectory } from '../../repositories/regions';

/** Requests waiting for the actor: groups they lead, communities their grants cover. */
export async function proofQueue(actor: Actor, offset: number, limit: number) {
  const led = (await membershipsOfUser(actor.userId, ['active'])).filter((m) => m.role === 'leader' || m.role === 'co_leader').map((m) => m.groupId);
  const directory = await regionDirectory();
  const granted = new Set(actor.grants.map((g) => g.regionId));
  const communities = [...directory.values()].filter((r) => r.level === 'community' && (granted.has(r._id) || r.ancestorIds.some((id) => granted.has(id)))).map((r) => r._id);
  const issuers = [...led, ...communities];
  if (issuers.length === 0) return { items: [], total: 0, hasMore: false };
  const { docs, total, hasMore } = await requestsFor(issuers, offset, limit);
  return { items: docs.map((doc) => presentProof(doc, actor, ['proofs.issue', 'proofs.reject'])), total, hasMore };
}
