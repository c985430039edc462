/** proofs.download: an issued proof's PDF. */
import type { Actor } from '../../authz/actor';
import { issuesFor, proofNotFound } from '../../authz/proofs';
import { fileStore } from '../../ports/storage';
import { findProof } from '../../repositories/proofs';
import { proofErrors } from '../../../../src/shared/domainErrors';

/** A temporary link to an issued proof's PDF, for its volunteer and its issuer. */
export async function downloadProof(actor: Actor, proofId: string) {
  const doc = await findProof(proofId);
  if (!doc || (doc.userId !== actor.userId && !(await issuesFor(actor, doc.issuerType, doc.issuerId)))) throw proofNotFound();
  if (doc.state !== 'issued' || !doc.fileId) throw proofErrors.notIssued();
  const url = (await fileStore().temporaryUrls([doc.fileId])).get(doc.fileId);
  if (!url) throw proofErrors.downloadUnavailable();
  return { url, fileName: `志愿服务证明-${doc.serialNo}.pdf` };
}
