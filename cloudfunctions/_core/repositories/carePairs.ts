/**
 * Pairings (结对, `care_pairs`): a volunteer or a group paired with a person in care. One document
 * per person and party (id derived from both), so pairing twice is one pairing; unpairing ends it
 * (kept for the record) and pairing again starts it anew.
 */
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import type { Transaction } from '../runtime/transactions';
import { Collections } from './collections';

export interface CarePairDoc {
  _id: string;
  recipientId: string;
  communityId: string;
  kind: 'volunteer' | 'group';
  /** The volunteer's user id or the group's id: who the pairing is with, whatever its kind. */
  partyId: string;
  /** The volunteer's nickname or the group's name, as it was when paired. */
  name: string;
  status: 'active' | 'ended';
  pairedAt: Date;
  pairedBy: string;
  endedAt: Date | null;
  endedBy: string | null;
  endReason: string | null;
}

const pairs = () => database().collection(Collections.carePairs);

/** The one id of a person's pairing with a party. */
export function pairIdOf(recipientId: string, kind: CarePairDoc['kind'], partyId: string): string {
  return `cp${digest('care-pair', recipientId, kind, partyId).slice(0, 30)}`;
}

/** One pairing, or null; read inside `tx` when given. */
export async function findPair(pairId: string, tx?: Transaction): Promise<CarePairDoc | null> {
  if (tx) return ((await tx.collection(Collections.carePairs).doc(pairId).get()) as { data: CarePairDoc | null }).data;
  const { data } = await pairs().doc(pairId).get();
  return (data[0] as CarePairDoc | undefined) ?? null;
}

/** Writes a pairing whole; inside `tx` when given. */
export async function putPair(pair: CarePairDoc, tx?: Transaction): Promise<void> {
  const { _id, ...fields } = pair;
  await (tx ? tx.collection(Collections.carePairs) : pairs()).doc(_id).set(fields);
}

/** Changes a pairing; inside `tx` when given. */
export async function updatePair(pairId: string, changes: Partial<Omit<CarePairDoc, '_id'>>, tx?: Transaction): Promise<void> {
  await (tx ? tx.collection(Collections.carePairs) : pairs()).doc(pairId).update(changes);
}

/** Every pairing of a person, active and ended (a person has a handful). */
export async function pairsOfRecipient(recipientId: string): Promise<CarePairDoc[]> {
  const { data } = await pairs().where({ recipientId }).orderBy('pairedAt', 'asc').limit(100).get();
  return data as CarePairDoc[];
}

/** Pairings of several people, by person. */
export async function pairsOfRecipients(recipientIds: string[]): Promise<Map<string, CarePairDoc[]>> {
  const byRecipient = new Map<string, CarePairDoc[]>(recipientIds.map((id) => [id, []]));
  if (recipientIds.length === 0) return byRecipient;
  const _ = database().command;
  const { data } = await pairs().where({ recipientId: _.in(recipientIds) }).orderBy('pairedAt', 'asc').limit(1000).get();
  for (const pair of data as CarePairDoc[]) byRecipient.get(pair.recipientId)?.push(pair);
  return byRecipient;
}

/** The active pairings of any of these parties (a volunteer and the groups she is in). */
export async function activePairsOfParties(partyIds: string[]): Promise<CarePairDoc[]> {
  if (partyIds.length === 0) return [];
  const _ = database().command;
  const { data } = await pairs().where({ partyId: _.in(partyIds), status: 'active' }).limit(1000).get();
  return data as CarePairDoc[];
}

/** Ends every active pairing of a person (care closed); returns how many ended. */
export async function endPairsOfRecipient(recipientId: string, by: string, reason: string, now: Date): Promise<number> {
  const { updated } = (await pairs().where({ recipientId, status: 'active' }).update({ status: 'ended', endedAt: now, endedBy: by, endReason: reason })) as { updated?: number };
  return updated ?? 0;
}
