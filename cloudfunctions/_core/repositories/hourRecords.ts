/**
 * Hour records: statutory, permanent, never edited in substance. A record's minutes, times and
 * content are written once; its state moves only from pending to confirmed or rejected (with
 * who and when). A correction is a reversing record plus a new one.
 */
import type { HourSource, HourState } from '../../../src/shared/schemas/volunteers';
import { database } from '../runtime/cloudbase';
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

export async function findRecord(recordId: string): Promise<HourRecordDoc | null> {
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
