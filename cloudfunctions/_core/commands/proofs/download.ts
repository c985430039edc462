/** proofs.download: an issued proof's PDF. */
import { AppError } from '../../../../src/shared/errors';
import type { Actor } from '../../authz/actor';
import { issuesFor, proofNotFound } from '../../authz/proofs';
import { fileStore } from '../../ports/storage';
import { findProof } from '../../repositories/proofs';

/** A temporary link to an issued proof's PDF, for its volunteer and its issuer. */
export async function downloadProof(actor: Actor, proofId: string) {
  const doc = await findProof(proofId);
  if (!doc || (doc.userId !== actor.userId && !(await issuesFor(actor, doc.issuerType, doc.issuerId)))) throw proofNotFound();
  if (doc.state !== 'issued' || !doc.fileId) throw new AppError('CONFLICT', '证明尚未出具');
  const url = (await fileStore().temporaryUrls([doc.fileId])).get(doc.fileId);
  if (!url) throw new AppError('NOT_FOUND', '文件暂时无法下载，请稍后再试');
  return { url, fileName: `志愿服务证明-${doc.serialNo}.pdf` };
}
