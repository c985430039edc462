/** proofs.request: a volunteer asks for a proof of service (志愿服务记录与证明出具办法). */
import type { ProofsRequestInput, ProofView } from '../../../../src/shared/schemas/proofs';
import type { Actor } from '../../authz/actor';
import { requireVolunteer } from '../../authz/volunteers';
import { presentProof } from '../../presenters/proofs';
import { findGroup } from '../../repositories/groups';
import { recordsOfUser } from '../../repositories/hourRecords';
import { putProof, type ProofDoc } from '../../repositories/proofs';
import { regionDirectory } from '../../repositories/regions';
import { chinaDayOf } from '../../runtime/chinaDay';
import { digest } from '../../runtime/hash';
import { recordsInScope } from './serviceRecords';
import { groupErrors, proofErrors, regionErrors } from '../../../../src/shared/domainErrors';

/** A volunteer asks the organiser that recorded her hours for a proof of a period. */
export async function requestProof(actor: Actor, input: ProofsRequestInput, requestId: string, now: Date): Promise<ProofView> {
  const volunteer = await requireVolunteer(actor);
  if (input.to > chinaDayOf(now)) throw proofErrors.endAfterToday();
  let issuerName: string;
  if (input.issuerType === 'group') {
    const group = await findGroup(input.issuerId);
    if (!group) throw groupErrors.organizationNotFound();
    issuerName = group.name;
  } else {
    const region = (await regionDirectory()).get(input.issuerId);
    if (!region || region.level !== 'community') throw regionErrors.communityNotFound();
    issuerName = `${region.name}${region.kind === 'rural' ? '村民委员会' : '居民委员会'}`;
  }
  const scoped = recordsInScope(await recordsOfUser(actor.userId), input.issuerType, input.issuerId, input.from, input.to);
  if (scoped.length === 0) throw proofErrors.noConfirmedService();
  const doc: ProofDoc = {
    _id: `pf${digest('proof', actor.userId, requestId).slice(0, 30)}`,
    userId: actor.userId,
    volunteerNo: volunteer.volunteerNo,
    nameMasked: volunteer.nameMasked,
    idMasked: volunteer.idMasked,
    issuerType: input.issuerType,
    issuerId: input.issuerId,
    issuerName,
    from: input.from,
    to: input.to,
    purpose: input.purpose,
    state: 'requested',
    minutes: scoped.reduce((sum, r) => sum + r.minutes, 0),
    serialNo: null,
    personInCharge: null,
    handler: null,
    contact: null,
    remarks: null,
    verificationCode: null,
    fileId: null,
    issuedBy: null,
    issuedAt: null,
    rejectReason: null,
    requestedAt: now,
  };
  await putProof(doc);
  return presentProof(doc, actor, []);
}
