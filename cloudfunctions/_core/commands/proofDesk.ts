/**
 * Proofs of volunteer service (志愿服务记录与证明出具办法): the volunteer asks; the organiser
 * that recorded the hours — a group's leaders, or the committee for its community — reviews and
 * issues a numbered PDF with the statutory fields, a verification code and a QR; anyone can
 * verify a code and sees only masked data. A volunteer can always export their plain record.
 */
import { randomInt } from 'node:crypto';
import { communityPolicies, hourPolicies } from '../../../src/shared/policies/volunteers';
import type { ProofsRequestInput, ProofView } from '../../../src/shared/schemas/proofs';
import type { IdType } from '../../../src/shared/schemas/volunteers';
import { renderServiceDocument, type ServiceLine } from '../documents/serviceDocument';
import { qrCodes } from '../ports/qrCode';
import { fileStore } from '../ports/storage';
import { groupResource } from '../presenters/groups';
import { newestFirstPage } from '../repositories/newestFirstPage';
import { Collections } from '../repositories/collections';
import { findGroup } from '../repositories/groups';
import { recordsOfUser, type HourRecordDoc } from '../repositories/hourRecords';
import { findMembership, membershipsOfUser } from '../repositories/memberships';
import { regionDirectory } from '../repositories/regions';
import { findVolunteer } from '../repositories/volunteers';
import { openPersonal } from '../privacy/personalData';
import { recordAudit } from '../repositories/auditLog';
import type { Actor } from '../runtime/actor';
import { chinaDayOf } from '../runtime/chinaDay';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { inTransaction } from '../runtime/transactions';
import { requireVolunteer } from './volunteerRegistry';
import { groupErrors, proofErrors, regionErrors } from '../../../src/shared/domainErrors';

interface ProofDoc {
  _id: string;
  userId: string;
  volunteerNo: string;
  nameMasked: string;
  idMasked: string | null;
  issuerType: 'group' | 'community';
  issuerId: string;
  issuerName: string;
  from: string;
  to: string;
  purpose: string;
  state: 'requested' | 'issued' | 'rejected';
  minutes: number;
  serialNo: string | null;
  personInCharge: string | null;
  handler: string | null;
  contact: string | null;
  remarks: string | null;
  verificationCode: string | null;
  fileId: string | null;
  issuedBy: string | null;
  issuedAt: Date | null;
  rejectReason: string | null;
  requestedAt: Date;
}

const ID_TYPE_LABELS: Record<IdType, string> = {
  mainland_id: '居民身份证',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  passport: '护照',
};
/** No 0/O or 1/I: codes are read aloud and typed in by people checking a paper proof. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const proofs = () => database().collection(Collections.proofs);
const proofNotFound = () => proofErrors.notFound();

/** Confirmed records an issuer organised within a period. */
function recordsInScope(records: HourRecordDoc[], issuerType: 'group' | 'community', issuerId: string, from: string, to: string) {
  return records.filter(
    (r) => r.state === 'confirmed' && r.serviceDate >= from && r.serviceDate <= to && (issuerType === 'group' ? r.groupId === issuerId : r.communityId === issuerId),
  );
}

const linesOf = (records: HourRecordDoc[]): ServiceLine[] =>
  [...records].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate)).map((r) => ({ date: r.serviceDate, organisation: r.groupName, content: r.content, minutes: r.minutes }));

/** May the actor issue for this issuer? */
async function issues(actor: Actor, issuerType: 'group' | 'community', issuerId: string): Promise<boolean> {
  if (issuerType === 'group') {
    const group = await findGroup(issuerId);
    if (!group) return false;
    return hourPolicies['proofs.issueForGroup']!(actor, groupResource(group, await findMembership(issuerId, actor.userId)));
  }
  const region = (await regionDirectory()).get(issuerId);
  return !!region && communityPolicies['community.issueProofs']!(actor, { regionId: region._id, ancestorIds: region.ancestorIds });
}

function present(doc: ProofDoc, actor: Actor, abilities: string[]): ProofView {
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
  const { _id, ...fields } = doc;
  await proofs().doc(_id).set(fields);
  return present(doc, actor, []);
}

async function pageOf(where: Record<string, unknown>, actor: Actor, offset: number, limit: number, abilities: (doc: ProofDoc) => string[]) {
  const { docs, total, hasMore } = await newestFirstPage<ProofDoc>(Collections.proofs, where, 'requestedAt', offset, limit);
  return { items: docs.map((doc) => present(doc, actor, abilities(doc))), total, hasMore };
}

export const myProofs = (actor: Actor, offset: number, limit: number) => pageOf({ userId: actor.userId }, actor, offset, limit, () => []);

/** Requests waiting for the actor: groups they lead, communities their grants cover. */
export async function proofQueue(actor: Actor, offset: number, limit: number) {
  const led = (await membershipsOfUser(actor.userId, ['active'])).filter((m) => m.role === 'leader' || m.role === 'co_leader').map((m) => m.groupId);
  const directory = await regionDirectory();
  const granted = new Set(actor.grants.map((g) => g.regionId));
  const communities = [...directory.values()].filter((r) => r.level === 'community' && (granted.has(r._id) || r.ancestorIds.some((id) => granted.has(id)))).map((r) => r._id);
  const issuers = [...led, ...communities];
  if (issuers.length === 0) return { items: [], total: 0, hasMore: false };
  const _ = database().command;
  return pageOf({ issuerId: _.in(issuers), state: 'requested' }, actor, offset, limit, () => ['proofs.issue', 'proofs.reject']);
}

async function loadForIssuer(actor: Actor, proofId: string): Promise<ProofDoc> {
  const { data } = await proofs().doc(proofId).get();
  const doc = data[0] as ProofDoc | undefined;
  if (!doc || !(await issues(actor, doc.issuerType, doc.issuerId))) throw proofNotFound();
  return doc;
}

function verificationCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(0, CODE_ALPHABET.length)]).join('');
}

/** The proof's web verification link, where a public address is configured (LINLI_PUBLIC_URL). */
const verifyUrlOf = (code: string) => (process.env.LINLI_PUBLIC_URL ? `${process.env.LINLI_PUBLIC_URL}/#/package-volunteer/verify/index?code=${code}` : null);

export async function issueProof(actor: Actor, input: { proofId: string; personInCharge: string; contact: string; remarks: string }, now: Date): Promise<ProofView> {
  const request = await loadForIssuer(actor, input.proofId);
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
    const { data: current } = (await tx.collection(Collections.proofs).doc(request._id).get()) as { data: ProofDoc | null };
    if (!current || current.state !== 'requested') throw proofErrors.alreadyHandled();
    const year = chinaDayOf(now).slice(0, 4);
    const counterId = `proof-${request.issuerId}-${year}`;
    const { data: counter } = (await tx.collection(Collections.counters).doc(counterId).get()) as { data: { value: number } | null };
    const seq = (counter?.value ?? 0) + 1;
    await tx.collection(Collections.counters).doc(counterId).set({ value: seq });
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
    await tx.collection(Collections.proofs).doc(request._id).update(changes);
    return { ...current, ...changes, _id: request._id };
  });
  await recordAudit(
    { actorId: actor.userId, action: 'proofs.issue', targetType: 'proof', targetId: request._id, regionId: issued.issuerType === 'community' ? issued.issuerId : null, reason: null, details: { serialNo: issued.serialNo, minutes } },
    `proof-${request._id}`,
    now,
  );
  return present(issued, actor, []);
}

export async function rejectProof(actor: Actor, proofId: string, reason: string, now: Date): Promise<ProofView> {
  const request = await loadForIssuer(actor, proofId);
  const rejected = await inTransaction(async (tx) => {
    const { data: current } = (await tx.collection(Collections.proofs).doc(request._id).get()) as { data: ProofDoc | null };
    if (!current || current.state !== 'requested') throw proofErrors.alreadyHandled();
    const changes = { state: 'rejected' as const, rejectReason: reason, issuedBy: actor.userId, issuedAt: null };
    await tx.collection(Collections.proofs).doc(request._id).update(changes);
    return { ...current, ...changes, _id: request._id };
  });
  await recordAudit(
    { actorId: actor.userId, action: 'proofs.reject', targetType: 'proof', targetId: request._id, regionId: request.issuerType === 'community' ? request.issuerId : null, reason, details: { proofId } },
    `proof-${request._id}`,
    now,
  );
  return present(rejected, actor, []);
}

export async function downloadProof(actor: Actor, proofId: string) {
  const { data } = await proofs().doc(proofId).get();
  const doc = data[0] as ProofDoc | undefined;
  if (!doc || (doc.userId !== actor.userId && !(await issues(actor, doc.issuerType, doc.issuerId)))) throw proofNotFound();
  if (doc.state !== 'issued' || !doc.fileId) throw proofErrors.notIssued();
  const url = (await fileStore().temporaryUrls([doc.fileId])).get(doc.fileId);
  if (!url) throw proofErrors.downloadUnavailable();
  return { url, fileName: `志愿服务证明-${doc.serialNo}.pdf` };
}

/** Public: whether a code belongs to an issued proof, with masked personal data only. */
export async function verifyProof(code: string) {
  const { data } = await proofs().where({ verificationCode: code }).limit(1).get();
  const doc = data[0] as ProofDoc | undefined;
  if (!doc || doc.state !== 'issued') return { valid: false as const };
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

/** The volunteer's own record of service (记录, not 证明) as a PDF. */
export async function exportRecord(actor: Actor, from: string | undefined, to: string | undefined, requestId: string, now: Date) {
  const volunteer = await requireVolunteer(actor);
  const first = from ?? '2000-01-01';
  const last = to ?? chinaDayOf(now);
  const records = (await recordsOfUser(actor.userId)).filter((r) => r.state === 'confirmed' && r.serviceDate >= first && r.serviceDate <= last);
  const pdf = await renderServiceDocument({
    kind: 'record',
    volunteerName: volunteer.realNameSealed ? openPersonal(volunteer.realNameSealed) : volunteer.nameMasked,
    volunteerNo: volunteer.volunteerNo,
    from: first,
    to: last,
    totalMinutes: records.reduce((sum, r) => sum + r.minutes, 0),
    lines: linesOf(records),
    generatedAt: now.toISOString(),
  });
  const fileId = await fileStore().upload(`records/${digest('records', actor.userId).slice(0, 16)}/${digest(requestId).slice(0, 16)}.pdf`, pdf);
  const url = (await fileStore().temporaryUrls([fileId])).get(fileId);
  if (!url) throw proofErrors.renderFailed();
  return { url, fileName: `志愿服务记录-${volunteer.volunteerNo}.pdf` };
}
