/** proofs.verify: public — whether a code belongs to an issued proof, with masked personal data only. */
import { presentVerification } from '../../presenters/proofs';
import { proofByCode } from '../../repositories/proofs';

/** Anyone may check a code; a code of no issued proof is simply not valid. */
export async function verifyProof(code: string) {
  const doc = await proofByCode(code);
  if (!doc || doc.state !== 'issued') return { valid: false as const };
  return presentVerification(doc);
}
