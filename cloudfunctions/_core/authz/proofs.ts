/** Proofs as authorization sees them: who issues for a group or a community, and the loader of a request they review. */
import { proofCommunityPolicies, proofGroupPolicies } from '../../../src/shared/policies/proofs';
import { findGroup } from '../repositories/groups';
import { findMembership } from '../repositories/memberships';
import { findProof, type ProofDoc } from '../repositories/proofs';
import { regionDirectory } from '../repositories/regions';
import type { Actor } from './actor';
import { allows } from './authorize';
import { groupResource } from './groups';
import { proofErrors } from '../../../src/shared/domainErrors';

/** A proof the actor may not see answers like a missing one. */
export const proofNotFound = () => proofErrors.notFound();

/** May the actor issue for this issuer (a group's leaders, or staff over the community)? */
export async function issuesFor(actor: Actor, issuerType: 'group' | 'community', issuerId: string): Promise<boolean> {
  if (issuerType === 'group') {
    const group = await findGroup(issuerId);
    if (!group) return false;
    return allows(proofGroupPolicies, 'proofs.issueForGroup', actor, groupResource(group, await findMembership(issuerId, actor.userId)));
  }
  const region = (await regionDirectory()).get(issuerId);
  return !!region && allows(proofCommunityPolicies, 'proofs.issueForCommunity', actor, { regionId: region._id, ancestorIds: region.ancestorIds });
}

/** A proof request the actor issues for, or NOT_FOUND. */
export async function loadProofForIssuer(actor: Actor, proofId: string): Promise<ProofDoc> {
  const doc = await findProof(proofId);
  if (!doc || !(await issuesFor(actor, doc.issuerType, doc.issuerId))) throw proofNotFound();
  return doc;
}
