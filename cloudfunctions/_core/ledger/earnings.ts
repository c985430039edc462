/**
 * Credits earned by service: an hour record confirmed at a rate of credits per hour. The credits
 * come out of the issuing community's issuance account (a hub's street when it has no
 * community) and expire after the community's configured number of years.
 */
import type { HourRecordDoc } from '../repositories/hourRecords';
import type { Leg, Posting } from './posting';

/** Whole credits for minutes at a rate (rounded to the nearest credit). */
export function creditsFor(minutes: number, creditsPerHour: number): number {
  return Math.round((minutes * creditsPerHour) / 60);
}

/** The region whose issuance account pays a record's credits. */
export const issuerOf = (record: Pick<HourRecordDoc, 'communityId' | 'streetId'>): string => record.communityId ?? record.streetId;

/** Adds whole years to an instant (the expiry of credits earned at that instant). */
export function yearsAfter(instant: Date, years: number): Date {
  const next = new Date(instant);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

/** The posting that pays a confirmed record's credits; null when it earns none. */
export function earningPosting(record: HourRecordDoc, credits: number, by: string, expiryYears: number, now: Date, id = `earn-${record._id}`): Posting | null {
  if (credits === 0) return null;
  const legs: Leg[] = [
    { kind: 'issuance', ownerId: issuerOf(record), amount: -credits, entryKind: 'earned' },
    { kind: 'resident', ownerId: record.userId, amount: credits, entryKind: 'earned', expiresAt: yearsAfter(now, expiryYears) },
  ];
  return { id, memo: `志愿服务：${record.content}`.slice(0, 80), by, legs, ref: { recordId: record._id } };
}

/** What a pending record says for itself; the rest is the same for every record that waits for review. */
export type PendingRecordFields = Pick<
  HourRecordDoc,
  '_id' | 'userId' | 'volunteerNo' | 'groupId' | 'groupName' | 'communityId' | 'streetId' | 'countyId' | 'content' | 'serviceDate' | 'minutes' | 'source' | 'recordedBy' | 'recordedByName' | 'recordedAt' | 'creditsPerHour' | 'evidence'
>;

/**
 * A record that waits for a reviewer (a self-report, a neighbour's need, a care visit): no
 * activity or times, pending, and the credits it will earn at the rate it was recorded under.
 */
export function pendingRecord(fields: PendingRecordFields): HourRecordDoc {
  return {
    ...fields,
    activityId: null,
    signupId: null,
    startAt: null,
    endAt: null,
    state: 'pending',
    confirmedBy: null,
    confirmedByName: null,
    confirmedAt: null,
    rejectReason: null,
    credits: creditsFor(fields.minutes, fields.creditsPerHour),
    reversesId: null,
    correctionOf: null,
  };
}
