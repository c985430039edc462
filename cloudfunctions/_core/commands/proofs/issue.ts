/**
 * proofs.issue: the organiser that recorded the hours — a group's leaders, or the committee for
 * its community — issues a numbered PDF with the statutory fields, a verification code and a QR.
 */
import { randomInt } from 'node:crypto';
import type { ProofView } from '../../../../src/shared/schemas/proofs';
import type { IdType } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { loadProofForIssuer } from '../../authz/proofs';
import { renderServiceDocument } from '../../documents/serviceDocument';
import { qrCodes } from '../../ports/qrCode';
import { fileStore } from '../../ports/storage';
import { presentProof } from '../../presenters/proofs';
import { openPersonal } from '../../privacy/personalData';
import { recordAudit } from '../../repositories/auditLog';
import { nextCount } from '../../repositories/counters';
import { recordsOfUser } from '../../repositories/hourRecords';
import { findProof, updateProof } from '../../repositories/proofs';
import { findVolunteer } from '../../repositories/volunteers';
import { chinaDayOf } from '../../runtime/chinaDay';
import { digest } from '../../runtime/hash';
import { inTransaction } from '../../runtime/transactions';
import { linesOf, recordsInScope } from './serviceRecords';
import { proofErrors } from '../../../../src/shared/domainErrors';

const ID_TYPE_LABELS: Record<IdType, string> = {
  mainland_id: '居民身份证',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  passport: '护照',
};
/** No 0/O or 1/I: codes are read aloud and typed in by people checking a paper proof. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function verificationCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(0, CODE_ALPHABET.length)]).join('');
}

/** The proof's web verification link, where a public address is configured (LINLI_PUBLIC_URL). */
const verifyUrlOf = (code: string) => (process.env.LINLI_PUBLIC_URL ? `${process.env.LINLI_PUBLIC_URL}/#/package-volunteer/verify/index?code=${code}` : null);

/** The issuer issues a numbered PDF with the statutory fields, a verification code and a QR (audited). */
export async function issueProof(actor: Actor, input: { proofId: string; personInCharge: string; contact: string; remarks: string }, now: Date): Promise<ProofView> {
  const request = await loadProofForIssuer(actor, input.proofId);
  if (request.state !== 'requested') throw proofErrors.alreadyHandled();
  const volunteer = await findVolunteer(request.userId);
  if (!volunteer || volunteer.status !== 'active' || !volunteer.realNameSealed || !volunteer.idSealed || !volunteer.idType) {
    throw proofErrors.volunteerClosed();
  }
  // Hours are counted again at issue time: corrections approved since the request count.
  const scoped = recordsInScope(await recordsOfUser(request.userId), request.issuerType, request.issuerId, request.from, request.to);
  const minutes = scoped.reduce((sum, r) => sum + r.minutes, 0);
  // The code and its mini-program code (opening the verify page with the code as its scene) are
  // made before the transaction: a WeChat call has no place inside one, and a retry reuses them.
  const code = verificationCode();
  const miniProgramCode = (await qrCodes().forPage('package-volunteer/verify/index', code)).png;
  const issued = await inTransaction(async (tx) => {
    const current = await findProof(request._id, tx);
    if (!current || current.state !== 'requested') throw proofErrors.alreadyHandled();
    const year = chinaDayOf(now).slice(0, 4);
    const counterId = `proof-${request.issuerId}-${year}`;
    const seq = await nextCount(counterId, tx);
    const serialNo = `LL${year}-${digest(request.issuerId).slice(0, 6).toUpperCase()}-${String(seq).padStart(5, '0')}`;
    const pdf = await renderServiceDocument({
      kind: 'proof',
      serialNo,
      volunteerName: openPersonal(volunteer.realNameSealed!),
      idType: ID_TYPE_LABELS[volunteer.idType!],
      idNumber: openPersonal(volunteer.idSealed!),
      volunteerNo: volunteer.volunteerNo,
      from: request.from,
      to: request.to,
      totalMinutes: minutes,
      lines: linesOf(scoped),
      issuerName: request.issuerName,
      personInCharge: input.personInCharge,
      handler: actor.user.nickname,
      contact: input.contact,
      issueDate: chinaDayOf(now),
      remarks: input.remarks,
      verificationCode: code,
      verifyUrl: verifyUrlOf(code),
      miniProgramCode,
    });
    const fileId = await fileStore().upload(`proofs/${request._id}.pdf`, pdf);
    const changes = {
      state: 'issued' as const,
      minutes,
      serialNo,
      personInCharge: input.personInCharge,
      handler: actor.user.nickname,
      contact: input.contact,
      remarks: input.remarks,
      verificationCode: code,
      fileId,
      issuedBy: actor.userId,
      issuedAt: now,
    };
    await updateProof(request._id, changes, tx);
    return { ...current, ...changes, _id: request._id };
  });
  await recordAudit(
    { actorId: actor.userId, action: 'proofs.issue', targetType: 'proof', targetId: request._id, regionId: issued.issuerType === 'community' ? issued.issuerId : null, reason: null, details: { serialNo: issued.serialNo, minutes } },
    `proof-${request._id}`,
    now,
  );
  return presentProof(issued, actor, []);
}
