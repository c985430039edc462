/**
 * What the care function shows: a person as the reader may see her (the committee also gets the
 * consent on record and the link to her account; the paired get what a visit needs), her visits,
 * and a volunteer's people with their due dates. Sealed fields are opened here, for readers the
 * command has already authorized.
 */
import { carePolicies, type CareResource } from '../../../src/shared/policies/care';
import type { CareMyPairsOutput, CarePairView, CareRecipientView, CareVisitView, HourStateOf } from '../../../src/shared/schemas/care';
import type { Actor } from '../authz/actor';
import { abilities, allows } from '../authz/authorize';
import type { OpenedRecipient } from '../authz/care';
import type { CarePairDoc } from '../repositories/carePairs';
import type { CareRecipientDoc } from '../repositories/careRecipients';
import type { CareVisitDoc } from '../repositories/careVisits';
import type { RegionDoc } from '../repositories/regions';
import { startOfChinaDay } from '../runtime/chinaDay';

const DAY_MS = 24 * 3600_000;

/** Whole days from `today` to `day` (negative when `day` is past). */
export function daysFrom(today: string, day: string): number {
  return Math.round((startOfChinaDay(day).getTime() - startOfChinaDay(today).getTime()) / DAY_MS);
}

/** A pairing as staff and the paired see it. */
export function presentPair(pair: CarePairDoc): CarePairView {
  return {
    id: pair._id,
    kind: pair.kind,
    name: pair.name,
    groupId: pair.kind === 'group' ? pair.partyId : null,
    status: pair.status,
    pairedAt: pair.pairedAt.toISOString(),
    endedAt: pair.endedAt ? pair.endedAt.toISOString() : null,
  };
}

/** A person as the actor sees her on `today`; the pairings shown are the active ones (staff: all). */
export function presentRecipient(actor: Actor, doc: CareRecipientDoc, opened: OpenedRecipient, region: RegionDoc, pairs: CarePairDoc[], resource: CareResource, today: string): CareRecipientView {
  const staff = allows(carePolicies, 'care.viewConsent', actor, resource);
  return {
    id: doc._id,
    communityId: doc.communityId,
    communityName: region.name,
    category: doc.category,
    name: doc.name,
    phone: opened.phone,
    address: opened.address,
    notes: opened.notes,
    frequencyDays: doc.frequencyDays,
    status: doc.status,
    closedReason: doc.closedReason,
    closedAt: doc.closedAt ? doc.closedAt.toISOString() : null,
    lastVisitDate: doc.lastVisitDay,
    dueDate: doc.dueDay,
    overdue: doc.status === 'active' && doc.dueDay < today,
    userId: staff ? doc.userId : null,
    consent: staff
      ? {
          by: doc.consent.by,
          guardianName: doc.consent.guardianName,
          witnessedByName: doc.consent.witnessedByName,
          reference: doc.consent.reference,
          recordedAt: doc.consent.recordedAt.toISOString(),
        }
      : null,
    pairs: (staff ? pairs : pairs.filter((p) => p.status === 'active')).map(presentPair),
    abilities: abilities(carePolicies, actor, resource),
  };
}

/** A visit, with its photo as a short-lived link and the state of the hour record it became. */
export function presentVisit(visit: CareVisitDoc, notes: string, photoUrl: string | null, hourState: HourStateOf): CareVisitView {
  return {
    id: visit._id,
    visitDate: visit.visitDate,
    minutes: visit.minutes,
    notes,
    photo: photoUrl,
    visitorName: visit.visitorName,
    onTime: visit.onTime,
    hourRecordId: visit.hourRecordId,
    hourState,
    loggedAt: visit.loggedAt.toISOString(),
  };
}

/** One of a volunteer's people: who, where, and when she is next due. */
export function presentMyPair(doc: CareRecipientDoc, opened: OpenedRecipient, pair: CarePairDoc, today: string): CareMyPairsOutput['items'][number] {
  const daysLeft = daysFrom(today, doc.dueDay);
  return {
    recipientId: doc._id,
    pairId: pair._id,
    name: doc.name,
    category: doc.category,
    address: opened.address,
    phone: opened.phone,
    groupName: pair.kind === 'group' ? pair.name : null,
    lastVisitDate: doc.lastVisitDay,
    dueDate: doc.dueDay,
    overdue: doc.dueDay < today,
    // Due today is 0 days left; overdue since yesterday is -1.
    daysLeft,
  };
}
