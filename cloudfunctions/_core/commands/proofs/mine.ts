/** proofs.mine: my proof requests and proofs, newest first. */
import type { Actor } from '../../authz/actor';
import { presentProof } from '../../presenters/proofs';
import { proofsOfUser } from '../../repositories/proofs';

/** A page of the caller's own proofs. */
export async function myProofs(actor: Actor, offset: number, limit: number) {
  const { docs, total, hasMore } = await proofsOfUser(actor.userId, offset, limit);
  return { items: docs.map((doc) => presentProof(doc, actor, [])), total, hasMore };
}
