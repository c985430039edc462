/**
 * Registered volunteers. One document per resident (id = user id). Real name, ID number and
 * phone numbers are sealed at rest (privacy/personalData); the masked forms are stored beside
 * them so lists never need the key. Withdrawing pseudonymises the document in place, so hour
 * records and ledger entries that point at the user id stay consistent.
 */
import type { IdType } from '../../../src/shared/schemas/volunteers';
import { database } from '../runtime/cloudbase';
import type { Transaction } from '../runtime/transactions';
import { byIds } from './allMatching';
import { Collections } from './collections';

interface SealedPhone {
  sealed: string;
  masked: string;
}

export interface VolunteerDoc {
  _id: string;
  userId: string;
  volunteerNo: string;
  status: 'active' | 'withdrawn';
  realNameSealed: string | null;
  nameMasked: string;
  idType: IdType | null;
  idSealed: string | null;
  idMasked: string | null;
  /** Keyed digest of type + number: one registration per document. */
  idDigest: string | null;
  /** The day the volunteer turns 18 (YYYY-MM-DD): minors need a guardian's consent. */
  adultFrom: string | null;
  phone: SealedPhone | null;
  skills: string[];
  /** The grid area (网格) she can be gathered in; missing on documents written before it existed. */
  gridArea?: string | null;
  emergencyContact: { name: string; phone: SealedPhone } | null;
  guardian: { name: string; relation: string; phone: SealedPhone; consentAt: Date } | null;
  sensitiveConsentAt: Date | null;
  homeCommunityId: string | null;
  registeredAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
}

export const volunteersCollection = () => database().collection(Collections.volunteers);

/** The volunteer record of a user (any status), or null; read inside `tx` when given. */
export async function findVolunteer(userId: string, tx?: Transaction): Promise<VolunteerDoc | null> {
  // Inside a transaction node-sdk answers one document as `data` (an object or null), outside as a list.
  if (tx) return ((await tx.collection(Collections.volunteers).doc(userId).get()) as { data: VolunteerDoc | null }).data;
  const { data } = await volunteersCollection().doc(userId).get();
  return (data[0] as VolunteerDoc | undefined) ?? null;
}

export async function findVolunteerByNo(volunteerNo: string): Promise<VolunteerDoc | null> {
  const { data } = await volunteersCollection().where({ volunteerNo }).limit(1).get();
  return (data[0] as VolunteerDoc | undefined) ?? null;
}

export async function activeVolunteerWithId(idDigest: string): Promise<VolunteerDoc | null> {
  const { data } = await volunteersCollection().where({ idDigest, status: 'active' }).limit(1).get();
  return (data[0] as VolunteerDoc | undefined) ?? null;
}

/** Volunteers of many users at once (for rosters and queues). */
export async function volunteersOf(userIds: string[]): Promise<Map<string, VolunteerDoc>> {
  const data = await byIds<VolunteerDoc>(Collections.volunteers, userIds);
  return new Map(data.map((doc) => [doc._id, doc]));
}

/** What a roll-call asks of the volunteers of one community. */
export interface VolunteerMatch {
  communityId: string;
  /** Any one of them qualifies; empty = any skill. */
  skills: string[];
  /** Only volunteers of this grid area; null = the whole community. */
  gridArea: string | null;
}

/**
 * Active volunteers of a community matching a roll-call, at most `cap` of them in a stable
 * order (by id), read a thousand at a time; `more` says whether anyone beyond the cap matched.
 */
export async function matchingVolunteers(match: VolunteerMatch, cap: number): Promise<{ volunteers: VolunteerDoc[]; more: boolean }> {
  const _ = database().command;
  const where: Record<string, unknown> = { homeCommunityId: match.communityId, status: 'active' };
  if (match.gridArea !== null) where.gridArea = match.gridArea;
  // On an array field, `in` matches a document holding any of the values (MongoDB semantics).
  if (match.skills.length > 0) where.skills = _.in(match.skills);
  const out: VolunteerDoc[] = [];
  const PAGE = 1000;
  while (out.length <= cap) {
    // One more than the cap tells whether anyone was left out; each page starts after the last id read.
    const want = Math.min(PAGE, cap + 1 - out.length);
    const last = out[out.length - 1];
    const { data } = await volunteersCollection()
      .where(last ? { ...where, _id: _.gt(last._id) } : where)
      .orderBy('_id', 'asc')
      .limit(want)
      .get();
    out.push(...(data as VolunteerDoc[]));
    if (data.length < want) break;
  }
  return { volunteers: out.slice(0, cap), more: out.length > cap };
}

/** Writes a user's volunteer record whole, inside a transaction. */
export async function putVolunteer(userId: string, fields: Omit<VolunteerDoc, '_id'>, tx: Transaction): Promise<void> {
  await tx.collection(Collections.volunteers).doc(userId).set(fields);
}
