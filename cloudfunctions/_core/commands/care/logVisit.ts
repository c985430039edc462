/**
 * care.logVisit: the paired volunteer (or a registered volunteer in the paired group) logs a visit.
 * The visit, its hour record (pending, source 'care_visit') and the person's new due day are
 * written in one transaction under ids derived from the visit — itself derived from who logged it
 * and the request — so a retry can never log or record twice. The record then goes through the
 * hour book's own review (hours.review by the paired group's leader, or the committee for a
 * volunteer paired herself: 谁组织谁记录), which credits it at the community's rate.
 *
 * The notes and photo are not published anywhere (only the committee and the paired see them),
 * so they are not sent to WeChat's content checks; they are sealed instead (the notes) or kept in
 * the volunteer's own storage folder (the photo), like a self-report's evidence.
 */
import { carePolicies } from '../../../../src/shared/policies/care';
import { openedVisitNotes } from '../../authz/care';
import type { CareCategory, CareLogVisitInput, CareVisitView } from '../../../../src/shared/schemas/care';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleRecipient } from '../../authz/care';
import { requireVolunteer } from '../../authz/volunteers';
import { pendingRecord } from '../../ledger/earnings';
import { fileStore } from '../../ports/storage';
import { presentVisit } from '../../presenters/care';
import { sealPersonal } from '../../privacy/personalData';
import type { CarePairDoc } from '../../repositories/carePairs';
import { findRecipient, updateRecipient } from '../../repositories/careRecipients';
import { findVisit, putVisit, visitIdOf, type CareVisitDoc } from '../../repositories/careVisits';
import { settingsFor } from '../../repositories/communitySettings';
import { findRecord, putRecord } from '../../repositories/hourRecords';
import { chinaDayOf } from '../../runtime/chinaDay';
import { digest } from '../../runtime/hash';
import { inTransaction } from '../../runtime/transactions';
import { addDays } from './dueDates';
import { careErrors } from '../../../../src/shared/domainErrors';

/** Visits may be logged this long after (the reviewer must still be able to check them). */
const VISIT_WINDOW_DAYS = 30;

/** What an hour record says a visit was: the kind of care, never the person's name (records reach proofs and exports). */
const CONTENT_ZH: Record<CareCategory, string> = {
  lone_elder: '关爱探访（独居老人）',
  disability: '关爱探访（残疾人）',
  left_behind_child: '关爱探访（留守儿童）',
  family_in_difficulty: '关爱探访（困难家庭）',
  other: '关爱探访',
};

/** The one hour record a visit can make. */
export const recordIdForVisit = (visitId: string): string => `hc${digest('care-visit-hours', visitId).slice(0, 30)}`;

/** The pairing the visit counts under: her own pairing first, else the first paired group she is in. */
function pairingOf(actor: Actor, pairs: CarePairDoc[]): CarePairDoc {
  return pairs.find((p) => p.kind === 'volunteer' && p.partyId === actor.userId) ?? pairs[0]!;
}

/** Logs one visit and its pending hour record, once per request. */
export async function logVisit(actor: Actor, input: CareLogVisitInput, requestId: string, now: Date): Promise<CareVisitView> {
  const { doc, region, actorPairs, resource } = await loadVisibleRecipient(actor, input.recipientId);
  if (doc.status !== 'active') throw careErrors.closed();
  authorize(carePolicies, 'care.logVisit', actor, resource);
  const volunteer = await requireVolunteer(actor);
  const today = chinaDayOf(now);
  if (input.visitDate > today) throw careErrors.visitDateAfterToday();
  if (input.visitDate < addDays(today, -VISIT_WINDOW_DAYS)) throw careErrors.visitDateTooOld({ days: VISIT_WINDOW_DAYS });
  if (input.visitDate < doc.registeredDay) throw careErrors.visitBeforeRegistered();

  const pair = pairingOf(actor, actorPairs);
  const settings = await settingsFor(doc.communityId);
  const visitId = visitIdOf(actor.userId, requestId);
  const recordId = recordIdForVisit(visitId);
  // A volunteer paired herself serves for the community, whose committee reviews her hours; a group's visits are the group's.
  const organiser = pair.kind === 'group' ? { groupId: pair.partyId, groupName: pair.name } : { groupId: doc.communityId, groupName: region.name };
  const record = pendingRecord({
    _id: recordId,
    userId: actor.userId,
    volunteerNo: volunteer.volunteerNo,
    ...organiser,
    communityId: doc.communityId,
    streetId: doc.streetId,
    countyId: doc.countyId,
    content: CONTENT_ZH[doc.category],
    serviceDate: input.visitDate,
    minutes: input.minutes,
    source: 'care_visit',
    recordedBy: actor.userId,
    recordedByName: actor.user.nickname,
    recordedAt: now,
    creditsPerHour: settings.selfReportCreditsPerHour,
    evidence: input.photo ?? null,
  });
  const { visit, fresh } = await inTransaction(async (tx) => {
    const existing = await findVisit(visitId, tx);
    if (existing) return { visit: existing, fresh: false };
    const current = await findRecipient(doc._id, tx);
    if (!current || current.status !== 'active') throw careErrors.closed();
    const logged: CareVisitDoc = {
      _id: visitId,
      recipientId: doc._id,
      pairId: pair._id,
      communityId: doc.communityId,
      streetId: doc.streetId,
      countyId: doc.countyId,
      userId: actor.userId,
      visitorName: actor.user.nickname,
      groupId: pair.kind === 'group' ? pair.partyId : null,
      visitDate: input.visitDate,
      month: input.visitDate.slice(0, 7),
      minutes: input.minutes,
      notesSealed: sealPersonal(input.notes),
      photo: input.photo ?? null,
      onTime: input.visitDate <= current.dueDay,
      hourRecordId: recordId,
      loggedAt: now,
    };
    await putVisit(logged, tx);
    if (!(await findRecord(recordId, tx))) await putRecord(record, tx);
    // A visit logged late for an earlier day does not move her due day back.
    if (!current.lastVisitDay || input.visitDate > current.lastVisitDay) {
      await updateRecipient(doc._id, { lastVisitDay: input.visitDate, dueDay: addDays(input.visitDate, current.frequencyDays), overdueNotified: false, updatedAt: now }, tx);
    }
    return { visit: logged, fresh: true };
  });
  // A retry that found its own earlier write answers the record as it now stands (it may be confirmed by now).
  const hourState = fresh ? 'pending' : ((await findRecord(recordId))?.state ?? 'pending');
  const photo = visit.photo?.startsWith('cloud://') ? ((await fileStore().temporaryUrls([visit.photo])).get(visit.photo) ?? visit.photo) : visit.photo;
  return presentVisit(visit, openedVisitNotes(visit), photo, hourState);
}
