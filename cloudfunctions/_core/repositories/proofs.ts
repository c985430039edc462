/** Proofs of volunteer service (collection proofs): the request, then the issued document or the refusal. */
import { database } from '../runtime/cloudbase';
import type { Transaction } from '../runtime/transactions';
import { Collections } from './collections';
import { newestFirstPage, type NewestFirstPage } from './newestFirstPage';

export interface ProofDoc {
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

const proofs = () => database().collection(Collections.proofs);

/** Writes a proof request whole. */
export async function putProof(doc: ProofDoc): Promise<void> {
  const { _id, ...fields } = doc;
  await proofs().doc(_id).set(fields);
}

/** A proof by id, or null; read inside `tx` when given. */
export async function findProof(proofId: string, tx?: Transaction): Promise<ProofDoc | null> {
  // Inside a transaction node-sdk answers one document as `data` (an object or null), outside as a list.
  if (tx) return ((await tx.collection(Collections.proofs).doc(proofId).get()) as { data: ProofDoc | null }).data;
  const { data } = await proofs().doc(proofId).get();
  return (data[0] as ProofDoc | undefined) ?? null;
}

/** Changes a proof inside a transaction. */
export async function updateProof(proofId: string, changes: Partial<Omit<ProofDoc, '_id'>>, tx: Transaction): Promise<void> {
  await tx.collection(Collections.proofs).doc(proofId).update(changes);
}

/** The proof of a verification code, or null. */
export async function proofByCode(code: string): Promise<ProofDoc | null> {
  const { data } = await proofs().where({ verificationCode: code }).limit(1).get();
  return (data[0] as ProofDoc | undefined) ?? null;
}

/** A page of one person's proofs, newest request first. */
export async function proofsOfUser(userId: string, offset: number, limit: number): Promise<NewestFirstPage<ProofDoc>> {
  return newestFirstPage<ProofDoc>(Collections.proofs, { userId }, 'requestedAt', offset, limit);
}

/** A page of the requests waiting for some issuers, newest first. */
export async function requestsFor(issuerIds: string[], offset: number, limit: number): Promise<NewestFirstPage<ProofDoc>> {
  return newestFirstPage<ProofDoc>(Collections.proofs, { issuerId: database().command.in(issuerIds), state: 'requested' }, 'requestedAt', offset, limit);
}
