/**
 * Shared by the hour book's actions. A record and the credits it earns are written in one
 * transaction under ids derived from what they are about, so a retry, a second leader or a
 * re-run after a crash can never record or credit twice.
 */
import type { Actor } from '../../authz/actor';
import { creditsFor, earningPosting } from '../../ledger/earnings';
import { applyPosting } from '../../ledger/posting';
import { notifier } from '../../ports/notify';
import type { ActivityDoc } from '../../repositories/activities';
import { recordAudit } from '../../repositories/auditLog';
import type { GroupDoc } from '../../repositories/groups';
import { findRecord, putRecord, recordIdForSignup, type HourRecordDoc } from '../../repositories/hourRecords';
import type { SignupDoc } from '../../repositories/signups';
import type { VolunteerDoc } from '../../repositories/volunteers';
import { chinaDayOf } from '../../runtime/chinaDay';
import type { Transaction } from '../../runtime/transactions';

/** Minutes of attendance: from check-in (not before the start) to check-out capped at the scheduled end. */
export function attendedMinutes(activity: Pick<ActivityDoc, 'startAt' | 'endAt'>, signup: Pick<SignupDoc, 'checkedInAt' | 'checkedOutAt'>): number {
  if (!signup.checkedInAt) return 0;
  const from = Math.max(signup.checkedInAt.getTime(), activity.startAt.getTime());
  const to = Math.min((signup.checkedOutAt ?? activity.endAt).getTime(), activity.endAt.getTime());
  return Math.max(0, Math.min(1440, Math.floor((to - from) / 60_000)));
}

/** The confirmed record of one attendance. */
export function attendanceRecord(
  actor: Actor,
  activity: ActivityDoc,
  group: GroupDoc,
  signup: SignupDoc,
  volunteer: VolunteerDoc,
  minutes: number,
  enteredByLeader: boolean,
  creditsPerHour: number,
  now: Date,
): HourRecordDoc {
  return {
    _id: recordIdForSignup(signup._id),
    userId: signup.userId,
    volunteerNo: volunteer.volunteerNo,
    groupId: group._id,
    groupName: group.name,
    activityId: activity._id,
    signupId: signup._id,
    communityId: activity.communityId,
    streetId: activity.streetId,
    countyId: activity.countyId,
    content: activity.title,
    serviceDate: chinaDayOf(activity.startAt),
    startAt: signup.checkedInAt,
    endAt: signup.checkedOutAt ?? activity.endAt,
    minutes,
    source: enteredByLeader ? 'leader_entry' : 'checkin',
    state: 'confirmed',
    recordedBy: actor.userId,
    recordedByName: actor.user.nickname,
    recordedAt: now,
    confirmedBy: actor.userId,
    confirmedByName: actor.user.nickname,
    confirmedAt: now,
    rejectReason: null,
    creditsPerHour,
    credits: creditsFor(minutes, creditsPerHour),
    reversesId: null,
    correctionOf: null,
    evidence: null,
  };
}

/** Tells the volunteer her hours (and credits) are on her record: once per record, whoever confirms. */
export async function tellCredited(record: Pick<HourRecordDoc, '_id' | 'userId' | 'content' | 'minutes' | 'credits'>): Promise<void> {
  await notifier().notify({
    userId: record.userId,
    kind: 'hours_credited',
    params: { content: record.content, minutes: record.minutes, credits: record.credits },
    link: 'package-volunteer/hours/index',
    dedupeKey: `hours-credited-${record._id}`,
  });
}

/** Writes a confirmed record and pays its credits, once. */
export async function writeConfirmedRecord(tx: Transaction, record: HourRecordDoc, by: string, expiryYears: number, now: Date): Promise<'confirmed' | 'already'> {
  if (await findRecord(record._id, tx)) return 'already';
  await putRecord(record, tx);
  const posting = earningPosting(record, record.credits, by, expiryYears, now);
  if (posting) await applyPosting(tx, posting, now);
  return 'confirmed';
}

/** Hour reviews go to the audit log: they decide statutory records. */
export async function auditReview(actor: Actor, action: string, targetType: 'hour_record' | 'correction', targetId: string, record: Pick<HourRecordDoc, 'communityId' | 'streetId' | 'userId' | 'minutes'>, state: string, reason: string | undefined, now: Date) {
  await recordAudit(
    { actorId: actor.userId, action, targetType, targetId, regionId: record.communityId ?? record.streetId, reason: reason ?? null, details: { state, volunteer: record.userId, minutes: record.minutes } },
    `${action}-${targetId}`,
    now,
  );
}
