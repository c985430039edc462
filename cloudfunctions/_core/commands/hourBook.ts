// long-file: its use cases (confirm, self-report and review, corrections and review, the queue, my hours) share one set of access checks, record builders and a presenter; issue 17's per-verb split of commands/ moves them apart together with those helpers.
/**
 * The hour book: records from check-in/check-out confirmed by leaders (one by one or in bulk),
 * self-reports with evidence approved by a leader or the committee, corrections applied as a
 * reversing record plus a new one. A record and the credits it earns are written in one
 * transaction under ids derived from what they are about, so a retry, a second leader or a
 * re-run after a crash can never record or credit twice.
 */
import { authorize } from '../../../src/shared/policies/authorize';
import { hourPolicies } from '../../../src/shared/policies/volunteers';
import type { HourRecordView, HoursConfirmInput, HoursSelfReportInput } from '../../../src/shared/schemas/volunteers';
import { accountId, type AccountDoc } from '../ledger/accounts';
import { creditsFor, earningPosting, issuerOf } from '../ledger/earnings';
import { applyPosting } from '../ledger/posting';
import { assertContentAllowed } from '../ports/contentCheck';
import { notifier } from '../ports/notify';
import { recordAudit } from '../repositories/auditLog';
import { fileStore } from '../ports/storage';
import { groupResource } from '../presenters/groups';
import { activities as activitiesCollection, findActivity, signups, type ActivityDoc, type SignupDoc } from '../repositories/activities';
import { allMatching } from '../repositories/allMatching';
import { Collections } from '../repositories/collections';
import { settingsFor } from '../repositories/communitySettings';
import { findGroup, type GroupDoc } from '../repositories/groups';
import {
  correctionsCollection,
  findRecord,
  hourRecordsCollection,
  recordIdForSignup,
  recordsOfUser,
  type CorrectionDoc,
  type HourRecordDoc,
} from '../repositories/hourRecords';
import { findMembership, membershipsOfUser } from '../repositories/memberships';
import { volunteersOf, type VolunteerDoc } from '../repositories/volunteers';
import { nicknamesOf } from '../repositories/users';
import type { Actor } from '../runtime/actor';
import { chinaDayOf } from '../runtime/chinaDay';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { inTransaction, type Transaction } from '../runtime/transactions';
import { requireVolunteer } from './volunteerRegistry';
import { activityErrors, groupErrors, hourErrors } from '../../../src/shared/domainErrors';

const DAY_MS = 24 * 3600_000;
/** Self-reports and corrections waiting longer than this show as overdue in the queues. */
const REVIEW_DEADLINE_MS = 3 * DAY_MS;
/** Self-reports may look back this far (the organiser must still be able to check them). */
const SELF_REPORT_WINDOW_DAYS = 90;

const recordNotFound = () => hourErrors.recordNotFound();
const activityNotFound = () => activityErrors.notFound();

/** Minutes of attendance: from check-in (not before the start) to check-out capped at the scheduled end. */
export function attendedMinutes(activity: Pick<ActivityDoc, 'startAt' | 'endAt'>, signup: Pick<SignupDoc, 'checkedInAt' | 'checkedOutAt'>): number {
  if (!signup.checkedInAt) return 0;
  const from = Math.max(signup.checkedInAt.getTime(), activity.startAt.getTime());
  const to = Math.min((signup.checkedOutAt ?? activity.endAt).getTime(), activity.endAt.getTime());
  return Math.max(0, Math.min(1440, Math.floor((to - from) / 60_000)));
}

async function groupAccess(actor: Actor, groupId: string) {
  const group = await findGroup(groupId);
  if (!group) throw groupErrors.organizationNotFound();
  const membership = await findMembership(groupId, actor.userId);
  return { group, resource: groupResource(group, membership) };
}

async function volunteerActivity(actor: Actor, activityId: string) {
  const activity = await findActivity(activityId);
  if (!activity) throw activityNotFound();
  const { group, resource } = await groupAccess(actor, activity.groupId);
  authorize(hourPolicies, 'hours.viewActivity', actor, resource, activityNotFound());
  if (!activity.volunteer) throw hourErrors.notVolunteerActivity();
  return { activity, group, resource, volunteer: activity.volunteer };
}

async function attendeesOf(activityId: string): Promise<SignupDoc[]> {
  // Every attendee, past a page of 1,000 (CloudBase's most per query).
  return allMatching<SignupDoc>(Collections.signups, { activityId, status: database().command.in(['confirmed', 'no_show']) });
}

/** The leader's sheet of an activity: who came, for how long, what is already recorded. */
export async function activityHours(actor: Actor, activityId: string, now: Date) {
  const { activity, resource, volunteer } = await volunteerActivity(actor, activityId);
  const rows = (await attendeesOf(activityId)).filter((s) => s.status === 'confirmed');
  const _ = database().command;
  const [volunteers, names, recordsRead] = await Promise.all([
    volunteersOf(rows.map((s) => s.userId)),
    nicknamesOf(rows.map((s) => s.userId)),
    rows.length === 0 ? { data: [] } : hourRecordsCollection().where({ _id: _.in(rows.map((s) => recordIdForSignup(s._id))) }).limit(1000).get(),
  ]);
  const records = new Map((recordsRead.data as HourRecordDoc[]).map((r) => [r._id, r]));
  return {
    activity: {
      id: activity._id,
      title: activity.title,
      startAt: activity.startAt.toISOString(),
      endAt: activity.endAt.toISOString(),
      creditsPerHour: volunteer.creditsPerHour,
      plannedHours: volunteer.plannedHours,
    },
    rows: rows.map((s) => {
      const record = records.get(recordIdForSignup(s._id));
      const v = volunteers.get(s.userId);
      return {
        signupId: s._id,
        nickname: names.get(s.userId) ?? '居民',
        volunteerNo: v && v.status === 'active' ? v.volunteerNo : null,
        checkedInAt: s.checkedInAt ? s.checkedInAt.toISOString() : null,
        checkedOutAt: s.checkedOutAt ? s.checkedOutAt.toISOString() : null,
        missingCheckout: s.checkedInAt !== null && s.checkedOutAt === null && now.getTime() > activity.endAt.getTime(),
        proposedMinutes: attendedMinutes(activity, s),
        recordId: record?._id ?? null,
        recordMinutes: record?.minutes ?? null,
      };
    }),
    canConfirm: hourPolicies['hours.confirm']!(actor, resource),
  };
}

type RowOutcome = 'confirmed' | 'already' | 'not_volunteer' | 'not_checked_in' | 'in_progress' | 'not_found';

/** Confirms attendance as hour records, each with its credits in the same transaction. */
export async function confirmHours(actor: Actor, input: HoursConfirmInput, now: Date) {
  const { activity, group, resource, volunteer: plan } = await volunteerActivity(actor, input.activityId);
  authorize(hourPolicies, 'hours.confirm', actor, resource);
  const settings = await settingsFor(activity.communityId ?? activity.streetId);
  const _ = database().command;
  const ids = [...new Set(input.items.map((item) => item.signupId))];
  const { data } = await signups().where({ _id: _.in(ids), activityId: activity._id }).limit(ids.length).get();
  const byId = new Map((data as SignupDoc[]).map((s) => [s._id, s]));
  const volunteers = await volunteersOf([...byId.values()].map((s) => s.userId));

  const result = { confirmed: 0, already: 0, skipped: [] as Array<{ signupId: string; reason: Exclude<RowOutcome, 'confirmed' | 'already'> }>, credits: 0 };
  for (const item of input.items) {
    const signup = byId.get(item.signupId);
    const v = signup ? volunteers.get(signup.userId) : undefined;
    let outcome: RowOutcome;
    if (!signup || signup.status !== 'confirmed') outcome = 'not_found';
    else if (!signup.checkedInAt) outcome = 'not_checked_in';
    else if (!signup.checkedOutAt && now.getTime() < activity.endAt.getTime()) outcome = 'in_progress';
    else if (!v || v.status !== 'active') outcome = 'not_volunteer';
    else {
      const minutes = item.minutes ?? attendedMinutes(activity, signup);
      const record = attendanceRecord(actor, activity, group, signup, v, minutes, item.minutes !== undefined, plan.creditsPerHour, now);
      outcome = await inTransaction((tx) => writeConfirmedRecord(tx, record, actor.userId, settings.creditExpiryYears, now));
      if (outcome === 'confirmed') result.credits += record.credits;
      // Also on 'already': a confirmation that died before telling her is told by its retry (once, by the record's key).
      await tellCredited(record);
    }
    if (outcome === 'confirmed') result.confirmed += 1;
    else if (outcome === 'already') result.already += 1;
    else result.skipped.push({ signupId: item.signupId, reason: outcome });
  }
  return result;
}

function attendanceRecord(
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
async function tellCredited(record: Pick<HourRecordDoc, '_id' | 'userId' | 'content' | 'minutes' | 'credits'>): Promise<void> {
  await notifier().notify({
    userId: record.userId,
    kind: 'hours_credited',
    params: { content: record.content, minutes: record.minutes, credits: record.credits },
    link: 'package-volunteer/hours/index',
    dedupeKey: `hours-credited-${record._id}`,
  });
}

/** Writes a confirmed record and pays its credits, once. */
async function writeConfirmedRecord(tx: Transaction, record: HourRecordDoc, by: string, expiryYears: number, now: Date): Promise<'confirmed' | 'already'> {
  const { data: existing } = (await tx.collection(Collections.hourRecords).doc(record._id).get()) as { data: HourRecordDoc | null };
  if (existing) return 'already';
  const { _id, ...fields } = record;
  await tx.collection(Collections.hourRecords).doc(_id).set(fields);
  const posting = earningPosting(record, record.credits, by, expiryYears, now);
  if (posting) await applyPosting(tx, posting, now);
  return 'confirmed';
}

/** Service outside an activity, with a photo: pending until a leader or the committee approves. */
export async function selfReport(actor: Actor, input: HoursSelfReportInput, requestId: string, now: Date): Promise<HourRecordView> {
  const volunteer = await requireVolunteer(actor);
  const { group, resource } = await groupAccess(actor, input.groupId);
  authorize(hourPolicies, 'hours.selfReport', actor, resource, hourErrors.ownOrganizationsOnly());
  const today = chinaDayOf(now);
  const earliest = chinaDayOf(new Date(now.getTime() - SELF_REPORT_WINDOW_DAYS * DAY_MS));
  if (input.serviceDate > today) throw hourErrors.serviceDateAfterToday();
  if (input.serviceDate < earliest) {
    throw hourErrors.serviceDateTooOld({ days: SELF_REPORT_WINDOW_DAYS });
  }
  await assertContentAllowed({ content: input.content }, 4, actor.openid);
  const settings = await settingsFor(group.communityId ?? group.streetId);
  const record: HourRecordDoc = {
    _id: `hs${digest('self-report', actor.userId, requestId).slice(0, 30)}`,
    userId: actor.userId,
    volunteerNo: volunteer.volunteerNo,
    groupId: group._id,
    groupName: group.name,
    activityId: null,
    signupId: null,
    communityId: group.communityId,
    streetId: group.streetId,
    countyId: group.countyId,
    content: input.content,
    serviceDate: input.serviceDate,
    startAt: null,
    endAt: null,
    minutes: input.minutes,
    source: 'self_report',
    state: 'pending',
    recordedBy: actor.userId,
    recordedByName: actor.user.nickname,
    recordedAt: now,
    confirmedBy: null,
    confirmedByName: null,
    confirmedAt: null,
    rejectReason: null,
    creditsPerHour: settings.selfReportCreditsPerHour,
    credits: creditsFor(input.minutes, settings.selfReportCreditsPerHour),
    reversesId: null,
    correctionOf: null,
    evidence: input.evidence,
  };
  const { _id, ...fields } = record;
  await hourRecordsCollection().doc(_id).set(fields);
  return (await presentRecords([record], new Set()))[0]!;
}

async function reviewableGroup(actor: Actor, groupId: string, ownerId: string) {
  const { group, resource } = await groupAccess(actor, groupId);
  authorize(hourPolicies, 'hours.review', actor, resource, recordNotFound());
  // Nobody approves their own hours.
  if (ownerId === actor.userId) throw hourErrors.cannotReviewOwn();
  return group;
}

/** Approves (and credits) or rejects a pending self-report. */
export async function reviewSelfReport(actor: Actor, recordId: string, approve: boolean, reason: string | undefined, now: Date) {
  const record = await findRecord(recordId);
  if (!record) throw recordNotFound();
  const group = await reviewableGroup(actor, record.groupId, record.userId);
  const settings = await settingsFor(group.communityId ?? group.streetId);
  const outcome = await inTransaction(async (tx) => {
    const { data: current } = (await tx.collection(Collections.hourRecords).doc(recordId).get()) as { data: HourRecordDoc | null };
    if (!current || current.source !== 'self_report') throw recordNotFound();
    if (current.state !== 'pending') throw hourErrors.reportHandled();
    const decided = { confirmedBy: actor.userId, confirmedByName: actor.user.nickname, confirmedAt: now };
    if (!approve) {
      await tx.collection(Collections.hourRecords).doc(recordId).update({ ...decided, state: 'rejected', rejectReason: reason ?? null });
      return { state: 'rejected' as const };
    }
    await tx.collection(Collections.hourRecords).doc(recordId).update({ ...decided, state: 'confirmed' });
    const posting = earningPosting({ ...current, _id: recordId }, current.credits, actor.userId, settings.creditExpiryYears, now);
    if (posting) await applyPosting(tx, posting, now);
    return { state: 'confirmed' as const };
  });
  await auditReview(actor, 'hours.review', 'hour_record', recordId, record, outcome.state, reason, now);
  if (outcome.state === 'confirmed') await tellCredited({ ...record, _id: recordId });
  return outcome;
}

/** Hour reviews go to the audit log: they decide statutory records. */
async function auditReview(actor: Actor, action: string, targetType: 'hour_record' | 'correction', targetId: string, record: Pick<HourRecordDoc, 'communityId' | 'streetId' | 'userId' | 'minutes'>, state: string, reason: string | undefined, now: Date) {
  await recordAudit(
    { actorId: actor.userId, action, targetType, targetId, regionId: record.communityId ?? record.streetId, reason: reason ?? null, details: { state, volunteer: record.userId, minutes: record.minutes } },
    `${action}-${targetId}`,
    now,
  );
}

/** A volunteer asks to correct a confirmed record; the organiser checks it (记录与证明出具办法). */
export async function requestCorrection(actor: Actor, recordId: string, minutes: number, reason: string, now: Date): Promise<string> {
  const mine = await recordsOfUser(actor.userId);
  const record = mine.find((r) => r._id === recordId);
  if (!record) throw recordNotFound();
  if (record.state !== 'confirmed' || record.source === 'reversal') throw hourErrors.onlyConfirmedCorrectable();
  if (mine.some((r) => r.reversesId === recordId)) throw hourErrors.correctNewerRecord();
  if (minutes === record.minutes) throw hourErrors.sameMinutes();
  await assertContentAllowed({ reason }, 4, actor.openid);
  const { data: earlier } = await correctionsCollection().where({ recordId }).limit(100).get();
  if ((earlier as CorrectionDoc[]).some((c) => c.state === 'pending')) throw hourErrors.correctionPending();
  // The id counts the record's corrections, so two racing requests collide on one id.
  const id = `hc${digest('correction', recordId, String(earlier.length)).slice(0, 30)}`;
  const doc: Omit<CorrectionDoc, '_id'> = {
    recordId,
    userId: actor.userId,
    groupId: record.groupId,
    communityId: record.communityId,
    streetId: record.streetId,
    countyId: record.countyId,
    minutes,
    reason,
    state: 'pending',
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    createdAt: now,
  };
  try {
    await correctionsCollection().add({ _id: id, ...doc });
  } catch (error) {
    if (/DUPLICATE/i.test(String((error as { code?: unknown }).code))) throw hourErrors.correctionPending();
    throw error;
  }
  return id;
}

/**
 * Applies or rejects a correction. Applying writes a reversal of the original and a new record
 * with the corrected minutes, and moves the difference in credits; credits already spent are
 * not clawed back below zero (the balance can never go negative), only what is left.
 */
export async function reviewCorrection(actor: Actor, correctionId: string, approve: boolean, reason: string | undefined, now: Date) {
  const { data } = await correctionsCollection().doc(correctionId).get();
  const correction = data[0] as CorrectionDoc | undefined;
  if (!correction) throw recordNotFound();
  const group = await reviewableGroup(actor, correction.groupId, correction.userId);
  const settings = await settingsFor(group.communityId ?? group.streetId);
  const outcome = await inTransaction(async (tx) => {
    const { data: current } = (await tx.collection(Collections.hourCorrections).doc(correctionId).get()) as { data: CorrectionDoc | null };
    if (!current) throw recordNotFound();
    if (current.state !== 'pending') throw hourErrors.correctionHandled();
    const decision = { decidedBy: actor.userId, decidedAt: now, decisionReason: reason ?? null };
    if (!approve) {
      await tx.collection(Collections.hourCorrections).doc(correctionId).update({ ...decision, state: 'rejected' });
      return { state: 'rejected' as const };
    }
    const { data: original } = (await tx.collection(Collections.hourRecords).doc(current.recordId).get()) as { data: HourRecordDoc | null };
    if (!original) throw recordNotFound();
    const reversalId = `rv${digest('reversal', current.recordId).slice(0, 30)}`;
    const { data: reversed } = (await tx.collection(Collections.hourRecords).doc(reversalId).get()) as { data: HourRecordDoc | null };
    if (reversed) throw hourErrors.alreadyCorrected();
    const stamp = { recordedBy: actor.userId, recordedByName: actor.user.nickname, recordedAt: now, confirmedBy: actor.userId, confirmedByName: actor.user.nickname, confirmedAt: now };
    const reversal: Omit<HourRecordDoc, '_id'> = {
      ...original,
      ...stamp,
      minutes: -original.minutes,
      credits: -original.credits,
      source: 'reversal',
      state: 'confirmed',
      reversesId: current.recordId,
      correctionOf: null,
    };
    const corrected: Omit<HourRecordDoc, '_id'> = {
      ...original,
      ...stamp,
      minutes: current.minutes,
      credits: creditsFor(current.minutes, original.creditsPerHour),
      source: 'correction',
      state: 'confirmed',
      reversesId: null,
      correctionOf: current.recordId,
    };
    const { _id: _o, ...reversalFields } = reversal as HourRecordDoc;
    const { _id: _c, ...correctedFields } = corrected as HourRecordDoc;
    await tx.collection(Collections.hourRecords).doc(reversalId).set(reversalFields);
    await tx.collection(Collections.hourRecords).doc(`rc${digest('corrected', correctionId).slice(0, 30)}`).set(correctedFields);
    await tx.collection(Collections.hourCorrections).doc(correctionId).update({ ...decision, state: 'applied' });

    const delta = corrected.credits - original.credits;
    if (delta > 0) {
      const posting = earningPosting({ ...original, _id: correctionId }, delta, actor.userId, settings.creditExpiryYears, now, `corr-${correctionId}`);
      if (posting) await applyPosting(tx, posting, now);
    } else if (delta < 0) {
      const { data: account } = (await tx.collection(Collections.ledgerAccounts).doc(accountId('resident', original.userId)).get()) as { data: AccountDoc | null };
      const back = Math.min(-delta, account?.balance ?? 0);
      if (back > 0) {
        await applyPosting(
          tx,
          {
            id: `corr-${correctionId}`,
            memo: `时长更正：${original.content}`.slice(0, 80),
            by: actor.userId,
            ref: { correctionId },
            legs: [
              { kind: 'resident', ownerId: original.userId, amount: -back, entryKind: 'adjusted' },
              { kind: 'issuance', ownerId: issuerOf(original), amount: back, entryKind: 'adjusted' },
            ],
          },
          now,
        );
      }
    }
    return { state: 'applied' as const };
  });
  await auditReview(actor, 'hours.reviewCorrection', 'correction', correctionId, correction, outcome.state, reason, now);
  return outcome;
}

/** Regions the actor's staff grants cover, by level, for the queue's queries. */
function grantScopes(actor: Actor) {
  const field = { committee: 'communityId', street: 'streetId', county: 'countyId' } as const;
  return actor.grants.map((grant) => ({ field: field[grant.role], regionId: grant.regionId }));
}

/** Self-reports and corrections waiting for the actor: their groups' and their regions'. */
export async function hoursQueue(actor: Actor, offset: number, limit: number, now: Date) {
  const _ = database().command;
  const led = (await membershipsOfUser(actor.userId, ['active'])).filter((m) => m.role === 'leader' || m.role === 'co_leader').map((m) => m.groupId);
  const filters: Array<Record<string, unknown>> = [];
  if (led.length > 0) filters.push({ groupId: _.in(led) });
  for (const scope of grantScopes(actor)) filters.push({ [scope.field]: scope.regionId });
  if (filters.length === 0) return { items: [], total: 0, hasMore: false };

  const pendingRecords = new Map<string, HourRecordDoc>();
  const pendingCorrections = new Map<string, CorrectionDoc>();
  for (const filter of filters) {
    const [records, corrections] = await Promise.all([
      hourRecordsCollection().where({ ...filter, state: 'pending' }).limit(1000).get(),
      correctionsCollection().where({ ...filter, state: 'pending' }).limit(1000).get(),
    ]);
    for (const r of records.data as HourRecordDoc[]) if (r.userId !== actor.userId) pendingRecords.set(r._id, r);
    for (const c of corrections.data as CorrectionDoc[]) if (c.userId !== actor.userId) pendingCorrections.set(c._id, c);
  }
  const originals = new Map<string, HourRecordDoc>();
  const originalIds = [...new Set([...pendingCorrections.values()].map((c) => c.recordId))];
  if (originalIds.length > 0) {
    const { data } = await hourRecordsCollection().where({ _id: _.in(originalIds) }).limit(1000).get();
    for (const r of data as HourRecordDoc[]) originals.set(r._id, r);
  }
  const users = await nicknamesOf([...pendingRecords.values(), ...pendingCorrections.values()].map((x) => x.userId));
  const evidenceIds = [...pendingRecords.values()].map((r) => r.evidence).filter((e): e is string => !!e && e.startsWith('cloud://'));
  const urls = await fileStore().temporaryUrls(evidenceIds);

  const items = [
    ...[...pendingRecords.values()].map((r) => ({
      kind: 'self_report' as const,
      id: r._id,
      recordId: r._id,
      nickname: users.get(r.userId) ?? '居民',
      groupName: r.groupName,
      serviceDate: r.serviceDate,
      minutes: r.minutes,
      requestedMinutes: null,
      content: r.content,
      reason: null,
      evidence: r.evidence ? (urls.get(r.evidence) ?? r.evidence) : null,
      createdAt: r.recordedAt,
    })),
    ...[...pendingCorrections.values()].flatMap((c) => {
      const original = originals.get(c.recordId);
      if (!original) return [];
      return [
        {
          kind: 'correction' as const,
          id: c._id,
          recordId: c.recordId,
          nickname: users.get(c.userId) ?? '居民',
          groupName: original.groupName,
          serviceDate: original.serviceDate,
          minutes: original.minutes,
          requestedMinutes: c.minutes,
          content: original.content,
          reason: c.reason,
          evidence: null,
          createdAt: c.createdAt,
        },
      ];
    }),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return {
    items: items.slice(offset, offset + limit).map((item) => ({
      ...item,
      createdAt: item.createdAt.toISOString(),
      overdue: now.getTime() - item.createdAt.getTime() > REVIEW_DEADLINE_MS,
    })),
    total: items.length,
    hasMore: offset + limit < items.length,
  };
}

/** Records as the volunteer sees them; evidence as short-lived links. */
async function presentRecords(records: HourRecordDoc[], corrected: Set<string>, pending = new Set<string>()): Promise<HourRecordView[]> {
  const urls = await fileStore().temporaryUrls(records.map((r) => r.evidence).filter((e): e is string => !!e && e.startsWith('cloud://')));
  return records.map((r) => ({
    id: r._id,
    groupId: r.groupId,
    groupName: r.groupName,
    activityId: r.activityId,
    content: r.content,
    serviceDate: r.serviceDate,
    minutes: r.minutes,
    source: r.source,
    state: r.state,
    recordedBy: r.recordedByName,
    recordedAt: r.recordedAt.toISOString(),
    confirmedBy: r.confirmedByName,
    confirmedAt: r.confirmedAt ? r.confirmedAt.toISOString() : null,
    rejectReason: r.rejectReason,
    credits: r.credits,
    reversesId: r.reversesId,
    evidence: r.evidence ? (urls.get(r.evidence) ?? r.evidence) : null,
    correctionPending: pending.has(r._id) && !corrected.has(r._id),
  }));
}

/** My hours: totals, stars, by year and organisation, what awaits confirmation, the records. */
export async function myHours(actor: Actor, offset: number, limit: number) {
  const records = await recordsOfUser(actor.userId);
  const confirmed = records.filter((r) => r.state === 'confirmed');
  const totalMinutes = confirmed.reduce((sum, r) => sum + r.minutes, 0);
  const settings = await settingsFor(actor.user.homeCommunityId);
  const stars = settings.starThresholds.filter((t) => totalMinutes / 60 >= t).length;
  const byYear = new Map<number, number>();
  const byGroup = new Map<string, { groupName: string; minutes: number }>();
  for (const r of confirmed) {
    const year = Number(r.serviceDate.slice(0, 4));
    byYear.set(year, (byYear.get(year) ?? 0) + r.minutes);
    const g = byGroup.get(r.groupId) ?? { groupName: r.groupName, minutes: 0 };
    g.minutes += r.minutes;
    byGroup.set(r.groupId, g);
  }
  const { data: pendingCorrections } = await correctionsCollection().where({ userId: actor.userId, state: 'pending' }).limit(1000).get();
  const pending = new Set((pendingCorrections as CorrectionDoc[]).map((c) => c.recordId));
  const corrected = new Set(records.filter((r) => r.reversesId).map((r) => r.reversesId!));
  return {
    totalMinutes,
    stars,
    starThresholds: settings.starThresholds,
    nextStarHours: settings.starThresholds[stars] ?? null,
    byYear: [...byYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, minutes]) => ({ year, minutes })),
    byGroup: [...byGroup.entries()].map(([groupId, g]) => ({ groupId, ...g })).sort((a, b) => b.minutes - a.minutes),
    awaiting: await awaitingConfirmation(actor.userId, new Set(records.map((r) => r._id))),
    records: {
      items: await presentRecords(records.slice(offset, offset + limit), corrected, pending),
      total: records.length,
      hasMore: offset + limit < records.length,
    },
  };
}

/** Volunteer activities I checked in to that no leader has confirmed yet. */
async function awaitingConfirmation(userId: string, recorded: Set<string>) {
  const { data } = await signups().where({ userId, status: 'confirmed' }).orderBy('startAt', 'desc').limit(100).get();
  const checkedIn = (data as SignupDoc[]).filter((s) => s.checkedInAt && !recorded.has(recordIdForSignup(s._id)));
  if (checkedIn.length === 0) return [];
  const _ = database().command;
  const found = await activitiesCollection()
    .where({ _id: _.in(checkedIn.map((s) => s.activityId)) })
    .limit(checkedIn.length)
    .get();
  const byId = new Map((found.data as ActivityDoc[]).map((a) => [a._id, a]));
  return checkedIn.flatMap((s) => {
    const activity = byId.get(s.activityId);
    if (!activity?.volunteer) return [];
    return [{ activityId: activity._id, title: activity.title, startAt: activity.startAt.toISOString(), checkedInAt: s.checkedInAt!.toISOString(), checkedOutAt: s.checkedOutAt ? s.checkedOutAt.toISOString() : null }];
  });
}

