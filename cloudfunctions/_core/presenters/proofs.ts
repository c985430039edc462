/** What the proofs function shows: proofs, and what a verification reveals (masked data only). */
import type { ProofView } from '../../../src/shared/schemas/proofs';
import type { Actor } from '../authz/actor';
import type { ProofDoc } from '../repositories/proofs';

/** A proof as its volunteer and its issuer see it; `abilities` adds what the viewer may do beyond downloading her own. */
export function presentProof(doc: ProofDoc, actor: Actor, abilities: string[]): ProofView {
  const owner = doc.userId === actor.userId;
  return {
    id: doc._id,
    serialNo: doc.serialNo,
    state: doc.state,
    issuerType: doc.issuerType,
    issuerId: doc.issuerId,
    issuerName: doc.issuerName,
    from: doc.from,
    to: doc.to,
    purpose: doc.purpose,
    volunteerName: doc.nameMasked,
    volunteerNo: doc.volunteerNo,
    minutes: doc.minutes,
    requestedAt: doc.requestedAt.toISOString(),
    issuedAt: doc.issuedAt ? doc.issuedAt.toISOString() : null,
    rejectReason: doc.rejectReason,
    verificationCode: doc.verificationCode,
    abilities: [...(owner && doc.state === 'issued' ? ['proofs.download'] : []), ...abilities],
  };
}

/** An issued proof as anyone verifying its code sees it: masked personal data only. */
export function presentVerification(doc: ProofDoc) {
  return {
    valid: true as const,
    serialNo: doc.serialNo!,
    volunteerName: doc.nameMasked,
    idNumber: doc.idMasked ?? '',
    volunteerNo: doc.volunteerNo,
    minutes: doc.minutes,
    from: doc.from,
    to: doc.to,
    issuerName: doc.issuerName,
    personInCharge: doc.personInCharge ?? '',
    issuedAt: doc.issuedAt!.toISOString(),
  };
}
