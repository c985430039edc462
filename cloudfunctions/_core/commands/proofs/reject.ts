/** proofs.reject: the issuer refuses a proof request. */
import type { ProofView } from '../../../../src/shared/schemas/proofs';
import type { Actor } from '../../authz/actor';
import { loadProofForIssuer } from '../../authz/proofs';
import { presentProof } from '../../presenters/proofs';
import { recordAudit } from '../../repositories/auditLog';
import { findProof, updateProof } from '../../repositories/proofs';
import { inTransaction } from '../../runtime/transactions';
import { proofErrors } from '../../../../src/shared/domainErrors';

/** The issuer refuses a request with a reason (audited). */
export async function rejectProof(actor: Actor, proofId: string, reason: string, now: Date): Promise<ProofView> {
  const request = await loadProofForIssuer(actor, proofId);
  const rejected = await inTransaction(async (tx) => {
    const current = await findProof(request._id, tx);
    if (!current || current.state !== 'requested') throw proofErrors.alreadyHandled();
    const changes = { state: 'rejected' as const, rejectReason: reason, issuedBy: actor.userId, issuedAt: null };
    await updateProof(request._id, changes, tx);
    return { ...current, ...changes, _id: request._id };
  });
  await recordAudit(
    { actorId: actor.userId, action: 'proofs.reject', targetType: 'proof', targetId: request._id, regionId: request.issuerType === 'community' ? request.issuerId : null, reason, details: { proofId } },
    `proof-${request._id}`,
    now,
  );
  return presentProof(rejected, actor, []);
}
