/**
 * The register of people served (`care_recipients`): one document per person in care. Phone,
 * address and notes are sealed at rest (privacy/personalData); the name stays readable for the
 * committee's list. When care ends the sealed fields are dropped and the name masked — the
 * document keeps only what the visit log and hour records it explains still need (issue 18:
 * "data kept minimal per retention"), and the consent on record that made the processing lawful.
 *
 * A person's next visit is due by `dueDay` (China calendar day, YYYY-MM-DD): her last visit (or,
 * before any, the day she was registered) plus her frequency. Overdue = `dueDay` < today, so the
 * committee's list, the timer and the dashboard are one indexed range each.
 */
import type { CareCategory, CareCloseReason, CareStatus } from '../../../src/shared/schemas/care';
import { database } from '../runtime/cloudbase';
import type { Transaction } from '../runtime/transactions';
import { byIds } from './allMatching';
import { Collections } from './collections';
import { orderedPage, type NewestFirstPage } from './newestFirstPage';

/** The consent on record: who agreed, witnessed by which staff member, and the signed form. */
export interface CareConsentDoc {
  by: 'self' | 'guardian';
  guardianName: string | null;
  witnessedBy: string;
  witnessedByName: string;
  /** The photo of the signed form (a file id) or the paper form's number. */
  reference: string;
  recordedAt: Date;
}

export interface CareRecipientDoc {
  _id: string;
  communityId: string;
  streetId: string;
  countyId: string;
  category: CareCategory;
  name: string;
  phoneSealed: string | null;
  addressSealed: string | null;
  notesSealed: string | null;
  /** Her user document, when she has one (an account, or a no-account record made for her proxies). */
  userId: string | null;
  frequencyDays: number;
  consent: CareConsentDoc;
  status: CareStatus;
  closedReason: CareCloseReason | null;
  closedAt: Date | null;
  closedBy: string | null;
  registeredDay: string;
  lastVisitDay: string | null;
  dueDay: string;
  /** The committee was told she is overdue for the current `dueDay` (reset when it moves). */
  overdueNotified: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const recipients = () => database().collection(Collections.careRecipients);

/** One person by id, or null; read inside `tx` when given. */
export async function findRecipient(recipientId: string, tx?: Transaction): Promise<CareRecipientDoc | null> {
  // Inside a transaction node-sdk answers one document as `data` (an object or null), outside as a list.
  if (tx) return ((await tx.collection(Collections.careRecipients).doc(recipientId).get()) as { data: CareRecipientDoc | null }).data;
  const { data } = await recipients().doc(recipientId).get();
  return (data[0] as CareRecipientDoc | undefined) ?? null;
}

/** People by ids (missing ones left out). */
export async function recipientsByIds(ids: string[]): Promise<CareRecipientDoc[]> {
  return ids.length === 0 ? [] : byIds<CareRecipientDoc>(Collections.careRecipients, ids);
}

/** Writes a new person; false when the id is taken (a retried registration). */
export async function addRecipientOnce(doc: CareRecipientDoc): Promise<boolean> {
  try {
    await recipients().add(doc);
    return true;
  } catch (error) {
    if (/DUPLICATE/i.test(String((error as { code?: unknown }).code))) return false;
    throw error;
  }
}

/** Changes a person; inside `tx` when given. */
export async function updateRecipient(recipientId: string, changes: Partial<Omit<CareRecipientDoc, '_id'>>, tx?: Transaction): Promise<void> {
  await (tx ? tx.collection(Collections.careRecipients) : recipients()).doc(recipientId).update(changes);
}

/** A page of a community's register: those due soonest first. */
export async function recipientsOfCommunity(communityId: string, status: CareStatus, offset: number, limit: number): Promise<NewestFirstPage<CareRecipientDoc>> {
  return orderedPage<CareRecipientDoc>(Collections.careRecipients, { communityId, status }, [['dueDay', 'asc'], ['_id', 'asc']], offset, limit);
}

/** A page of a community's people overdue on `today` (due before it), the longest overdue first. */
export async function overdueOfCommunity(communityId: string, today: string, offset: number, limit: number): Promise<NewestFirstPage<CareRecipientDoc>> {
  const _ = database().command;
  return orderedPage<CareRecipientDoc>(Collections.careRecipients, { communityId, status: 'active', dueDay: _.lt(today) }, [['dueDay', 'asc'], ['_id', 'asc']], offset, limit);
}

/** People overdue on `today` whose committee has not been told yet, at most `limit` (the timer's batch). */
export async function overdueNotYetNotified(today: string, limit: number): Promise<CareRecipientDoc[]> {
  const _ = database().command;
  const { data } = await recipients().where({ status: 'active', overdueNotified: false, dueDay: _.lt(today) }).orderBy('dueDay', 'asc').limit(limit).get();
  return data as CareRecipientDoc[];
}

/** Marks the committee told for this due day, unless a visit moved it meanwhile (then the new period counts). */
export async function markOverdueNotified(recipientId: string, dueDay: string): Promise<void> {
  await recipients().where({ _id: recipientId, dueDay, status: 'active' }).update({ overdueNotified: true });
}
