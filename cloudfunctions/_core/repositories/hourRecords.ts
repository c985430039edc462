/**
 * Hour records: statutory, permanent, never edited in substance. A record's minutes, times and
 * content are written once; its state moves only from pending to confirmed or rejected (with
 * who and when). A correction is a reversing record plus a new one.
 */
import type { HourSource, HourState } from '../../../src/shared/schemas/volunteers';
import { database } from '../runtime/cloudbase';
import type { Transaction } from '../runtime/transactions';
import { digest } from '../runtime/hash';
import { allMatching } from './allMatching';
import { Collections } from './collections';

export interface HourRecordDoc {
  _id: string;
  userId: string;
  volunteerNo: string;
  groupId: string;
  groupName: string;
  activityId: string | null;
  signupId: string | null;
  communityId: string | null;
  streetId: string;
  countyId: string;
  content: string;
  serviceDate: string;
  startAt: Date | null;
  endAt: Date | null;
  /** Signed: a reversal carries minus the minutes it reverses. */
  minutes: number;
  source: HourSource;
  state: HourState;
  recordedBy: string;
  /** Nicknames as they were at the time: the record says who did it even if names change. */
  recordedByName: string;
  recordedAt: Date;
  confirmedBy: string | null;
  confirmedByName: string | null;
  confirmedAt: Date | null;
  rejectReason: string | null;
  creditsPerHour: number;
  /** Credits this record earned when confirmed (signed like minutes). */
  credits: number;
  reversesId: string | null;
  correctionOf: string | null;
  evidence: string | null;
}

export interface CorrectionDoc {
  _id: string;
  recordId: string;
  userId: string;
  groupId: string;
  communityId: string | null;
  streetId: string;
  countyId: string;
  minutes: number;
  reason: string;
  state: 'pending' | 'applied' | 'rejected';
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  createdAt: Date;
}

export const hourRecordsCollection = () => database().collection(Collections.hourRecords);
export const correctionsCollection = () => database().collection(Collections.hourCorrections);

/** The one record a sign-up's attendance can make, so confirming twice cannot double it. */
export const recordIdForSignup = (signupId: string): string => `hr${digest('hours', signupId).slice(0, 30)}`;

/** The one record a helper's service on a need can make (issue 18), so closing a need twice cannot double it. */
export const recordIdForNeedHelper = (needId: string, userId: string): string => `hn${digest('need-hours', needId, userId).slice(0, 30)}`;

/** A record by id, or null; read inside `tx` when given. */
export async function findRecord(recordId: string, tx?: Transaction): Promise<HourRecordDoc | null> {
  // Inside a transaction node-sdk answers one document as `data` (an object or null), outside as a list.
  if (tx) return ((await tx.collection(Collections.hourRecords).doc(recordId).get()) as { data: HourRecordDoc | null }).data;
  const { data } = await hourRecordsCollection().doc(recordId).get();
  return (data[0] as HourRecordDoc | undefined) ?? null;
}

/** Every record of a volunteer, newest service first (a person has hundreds, not millions). */
export async function recordsOfUser(userId: string): Promise<HourRecordDoc[]> {
  return allMatching<HourRecordDoc>(Collections.hourRecords, { userId }, { field: 'serviceDate', direction: 'desc' });
}

/** Confirmed minutes of a volunteer, reversals included (so corrections net out). */
export async function confirmedMinutesOf(userId: string): Promise<number> {
  return (await recordsOfUser(userId)).filter((r) => r.state === 'confirmed').reduce((sum, r) => sum + r.minutes, 0);
}

/** Writes a record whole under its id; inside `tx` when given. */
export async function putRecord(record: HourRecordDoc, tx?: Transaction): Promise<void> {
  const { _id, ...fields } = record;
  await (tx ? tx.collection(Collections.hourRecords) : hourRecordsCollection()).doc(_id).set(fields);
}

/** Changes a record inside a transaction. */
export async function updateRecord(recordId: string, changes: Partial<Omit<HourRecordDoc, '_id'>>, tx: Transaction): Promise<void> {
  await tx.collection(Collections.hourRecords).doc(recordId).update(changes);
}

/** Records by ids (at most 1,000). */
export async function recordsByIds(recordIds: string[]): Promise<HourRecordDoc[]> {
  if (recordIds.length === 0) return [];
  const { data } = await hourRecordsCollection().where({ _id: database().command.in(recordIds) }).limit(1000).get();
  return data as HourRecordDoc[];
}

/** Which records and corrections a review queue looks at: a set of groups, or a region by its level's field. */
export type ReviewFilter = { groupIds: string[] } | { field: 'communityId' | 'streetId' | 'countyId'; regionId: string };

function whereOf(filter: ReviewFilter): Record<string, unknown> {
  return 'groupIds' in filter ? { groupId: database().command.in(filter.groupIds) } : { [filter.field]: filter.regionId };
}

/** Pending self-reports under a filter (at most 1,000). */
export async function pendingSelfReportsUnder(filter: ReviewFilter): Promise<HourRecordDoc[]> {
  const { data } = await hourRecordsCollection().where({ ...whereOf(filter), state: 'pending' }).limit(1000).get();
  return data as HourRecordDoc[];
}

/** Pending corrections under a filter (at most 1,000). */
export async function pendingCorrectionsUnder(filter: ReviewFilter): Promise<CorrectionDoc[]> {
  const { data } = await correctionsCollection().where({ ...whereOf(filter), state: 'pending' }).limit(1000).get();
  return data as CorrectionDoc[];
}

/** A person's pending corrections. */
export async function pendingCorrectionsOfUser(userId: string): Promise<CorrectionDoc[]> {
  const { data } = await correctionsCollection().where({ userId, state: 'pending' }).limit(1000).get();
  return data as CorrectionDoc[];
}

/** The corrections asked of a record (a record is corrected a few times at most). */
export async function correctionsOfRecord(recordId: string): Promise<CorrectionDoc[]> {
  const { data } = await correctionsCollection().where({ recordId }).limit(100).get();
  return data as CorrectionDoc[];
}

/** Stores a correction request; false when its id is taken (a racing request won). */
export async function addCorrectionOnce(correction: CorrectionDoc): Promise<boolean> {
  try {
    await correctionsCollection().add(correction);
    return true;
  } catch (error) {
    if (/DUPLICATE/i.test(String((error as { code?: unknown }).code))) return false;
    throw error;
  }
}

/** A correction by id, or null; read inside `tx` when given. */
export async function findCorrection(correctionId: string, tx?: Transaction): Promise<CorrectionDoc | null> {
  if (tx) return ((await tx.collection(Collections.hourCorrections).doc(correctionId).get()) as { data: CorrectionDoc | null }).data;
  const { data } = await correctionsCollection().doc(correctionId).get();
  return (data[0] as CorrectionDoc | undefined) ?? null;
}

/** Changes a correction inside a transaction. */
export async function updateCorrection(correctionId: string, changes: Partial<Omit<CorrectionDoc, '_id'>>, tx: Transaction): Promise<void> {
  await tx.collection(Collections.hourCorrections).doc(correctionId).update(changes);
}
