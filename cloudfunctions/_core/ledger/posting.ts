/**
 * Double-entry postings. A posting moves credits between accounts in one database transaction:
 * its legs sum to zero, each leg is an immutable entry, each touched account's balance changes
 * by exactly its legs, and no holding account may end below zero. The posting id is the
 * idempotency key: a posting whose id exists is not applied again, so a retried request or a
 * re-run after a crash credits exactly once.
 */
import type { EntryKind } from '../../../src/shared/schemas/credits';
import { Collections } from '../repositories/collections';
import type { Transaction } from '../runtime/transactions';
import { accountId, mayGoNegative, type AccountDoc, type AccountKind } from './accounts';
import { creditErrors } from '../../../src/shared/domainErrors';

export interface Leg {
  kind: AccountKind;
  ownerId: string;
  amount: number;
  entryKind: EntryKind;
  /** When credits of a positive resident leg lapse. */
  expiresAt?: Date | null;
}

export interface Posting {
  id: string;
  memo: string;
  by: string;
  legs: Leg[];
  /** What the posting is about (record, redemption, transfer), for the audit trail. */
  ref: Record<string, string>;
}

export interface EntryDoc {
  _id: string;
  postingId: string;
  accountId: string;
  accountKind: AccountKind;
  ownerId: string;
  amount: number;
  kind: EntryKind;
  memo: string;
  expiresAt: Date | null;
  createdAt: Date;
}

export interface PostingDoc extends Omit<Posting, 'legs' | 'id'> {
  _id: string;
  legs: Array<{ accountId: string; amount: number }>;
  createdAt: Date;
}

/** Reads a posting inside the transaction; present means it was already applied. */
export async function postingExists(tx: Transaction, id: string): Promise<boolean> {
  const { data } = (await tx.collection(Collections.ledgerPostings).doc(id).get()) as { data: PostingDoc | null };
  return data !== null;
}

/**
 * Applies a posting inside `tx` (the caller's transaction, so stock, redemptions or hour records
 * change in the same commit). Returns false when the posting was applied before. Throws
 * INSUFFICIENT_CREDITS, changing nothing, when a holding account would go below zero.
 */
export async function applyPosting(tx: Transaction, posting: Posting, now: Date): Promise<boolean> {
  const legs = posting.legs.filter((leg) => leg.amount !== 0);
  if (legs.length < 2 || legs.reduce((sum, leg) => sum + leg.amount, 0) !== 0 || legs.some((leg) => !Number.isInteger(leg.amount))) {
    throw new Error(`posting ${posting.id} does not balance`);
  }
  if (await postingExists(tx, posting.id)) return false;

  // One read per account, then one write per account with every leg of it applied.
  const byAccount = new Map<string, { kind: AccountKind; ownerId: string; delta: number; nextExpiry: Date | null }>();
  for (const leg of legs) {
    const id = accountId(leg.kind, leg.ownerId);
    const seen = byAccount.get(id) ?? { kind: leg.kind, ownerId: leg.ownerId, delta: 0, nextExpiry: null };
    seen.delta += leg.amount;
    if (leg.amount > 0 && leg.expiresAt && (!seen.nextExpiry || leg.expiresAt < seen.nextExpiry)) seen.nextExpiry = leg.expiresAt;
    byAccount.set(id, seen);
  }
  const accounts = tx.collection(Collections.ledgerAccounts);
  for (const [id, change] of byAccount) {
    const { data: current } = (await accounts.doc(id).get()) as { data: AccountDoc | null };
    const balance = (current?.balance ?? 0) + change.delta;
    if (balance < 0 && !mayGoNegative(change.kind)) throw creditErrors.insufficient();
    const previousExpiry = current?.nextExpiryAt ?? null;
    const nextExpiryAt = change.nextExpiry && (!previousExpiry || change.nextExpiry < previousExpiry) ? change.nextExpiry : previousExpiry;
    const doc: Omit<AccountDoc, '_id'> = {
      kind: change.kind,
      ownerId: change.ownerId,
      balance,
      nextExpiryAt,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    };
    await accounts.doc(id).set(doc);
  }
  const entries = tx.collection(Collections.ledgerEntries);
  for (const [index, leg] of legs.entries()) {
    const entry: Omit<EntryDoc, '_id'> = {
      postingId: posting.id,
      accountId: accountId(leg.kind, leg.ownerId),
      accountKind: leg.kind,
      ownerId: leg.ownerId,
      amount: leg.amount,
      kind: leg.entryKind,
      memo: posting.memo,
      expiresAt: leg.amount > 0 ? (leg.expiresAt ?? null) : null,
      createdAt: now,
    };
    await entries.doc(`${posting.id}-${index}`).set(entry);
  }
  const record: Omit<PostingDoc, '_id'> = {
    memo: posting.memo,
    by: posting.by,
    ref: posting.ref,
    legs: legs.map((leg) => ({ accountId: accountId(leg.kind, leg.ownerId), amount: leg.amount })),
    createdAt: now,
  };
  await tx.collection(Collections.ledgerPostings).doc(posting.id).set(record);
  return true;
}
