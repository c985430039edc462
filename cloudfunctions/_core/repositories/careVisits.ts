/**
 * Visit logs (`care_visits`): one document per visit, its id derived from who logged it and the
 * request, so a retried log is one visit. The notes are sealed (they describe a person's home and
 * health); each visit points at the hour record it became.
 */
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import type { Transaction } from '../runtime/transactions';
import { Collections } from './collections';
import { orderedPage, type NewestFirstPage } from './newestFirstPage';

export interface CareVisitDoc {
  _id: string;
  recipientId: string;
  pairId: string;
  communityId: string;
  streetId: string;
  countyId: string;
  userId: string;
  visitorName: string;
  /** The paired group she visited for, or null for a volunteer paired herself. */
  groupId: string | null;
  visitDate: string;
  /** YYYY-MM of the visit: the dashboard's months. */
  month: string;
  minutes: number;
  notesSealed: string;
  photo: string | null;
  /** Made by the day it was due. */
  onTime: boolean;
  hourRecordId: string;
  loggedAt: Date;
}

const visits = () => database().collection(Collections.careVisits);

/** The one id of a visit logged by a person under a request id. */
export function visitIdOf(userId: string, requestId: string): string {
  return `cv${digest('care-visit', userId, requestId).slice(0, 30)}`;
}

/** One visit, or null; read inside `tx` when given. */
export async function findVisit(visitId: string, tx?: Transaction): Promise<CareVisitDoc | null> {
  if (tx) return ((await tx.collection(Collections.careVisits).doc(visitId).get()) as { data: CareVisitDoc | null }).data;
  const { data } = await visits().doc(visitId).get();
  return (data[0] as CareVisitDoc | undefined) ?? null;
}

/** Writes a visit whole inside `tx`. */
export async function putVisit(visit: CareVisitDoc, tx: Transaction): Promise<void> {
  const { _id, ...fields } = visit;
  await tx.collection(Collections.careVisits).doc(_id).set(fields);
}

/** A page of a person's visits, newest first. */
export async function visitsOfRecipient(recipientId: string, offset: number, limit: number): Promise<NewestFirstPage<CareVisitDoc>> {
  return orderedPage<CareVisitDoc>(Collections.careVisits, { recipientId }, [['visitDate', 'desc'], ['loggedAt', 'desc']], offset, limit);
}
