/**
 * The credit ledger's accounts. Every resident, community pool and points store holds credits;
 * each community also has an issuance account (credits enter circulation from it, so its
 * balance is minus what that community issued and may be negative) and an expiry account
 * (where expired credits go). Together the ledger always sums to zero.
 */
import { database } from '../runtime/cloudbase';
import { Collections } from '../repositories/collections';
import { allMatching } from '../repositories/allMatching';
import { tallyBy, type Tally } from '../repositories/figures';
import { newestFirstPage, type NewestFirstPage } from '../repositories/newestFirstPage';
import type { Transaction } from '../runtime/transactions';
import type { EntryDoc } from './posting';

export type AccountKind = 'resident' | 'pool' | 'store' | 'issuance' | 'expired';

export interface AccountDoc {
  _id: string;
  kind: AccountKind;
  /** The resident's user id, or the community id for community accounts. */
  ownerId: string;
  balance: number;
  /** Earliest expiry among credits still held (residents only); the expiry timer's index. */
  nextExpiryAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const PREFIX: Record<AccountKind, string> = { resident: 'res', pool: 'pool', store: 'store', issuance: 'iss', expired: 'exp' };

export const accountId = (kind: AccountKind, ownerId: string): string => `${PREFIX[kind]}-${ownerId}`;

/** Only the issuance account may go below zero: its negative balance is the circulation. */
export const mayGoNegative = (kind: AccountKind): boolean => kind === 'issuance';

export const accountsCollection = () => database().collection(Collections.ledgerAccounts);
export const entriesCollection = () => database().collection(Collections.ledgerEntries);

/** An account's balance (0 for an account that has never moved). */
export async function balanceOf(kind: AccountKind, ownerId: string): Promise<number> {
  const { data } = await accountsCollection().doc(accountId(kind, ownerId)).get();
  return (data[0] as AccountDoc | undefined)?.balance ?? 0;
}

/** The balances of some accounts summed by kind, by the database (at most 1,000 ids: one `in`). */
export async function balancesByKind(accountIds: string[]): Promise<Map<string | null, Tally>> {
  return tallyBy(Collections.ledgerAccounts, { _id: database().command.in(accountIds) }, 'kind', 'balance');
}

/** An account by id, or null; read inside `tx` when given (an account that never moved has none). */
export async function findAccount(id: string, tx?: Transaction): Promise<AccountDoc | null> {
  // Inside a transaction node-sdk answers one document as `data` (an object or null), outside as a list.
  if (tx) return ((await tx.collection(Collections.ledgerAccounts).doc(id).get()) as { data: AccountDoc | null }).data;
  const { data } = await accountsCollection().doc(id).get();
  return (data[0] as AccountDoc | undefined) ?? null;
}

/** A page of an account's entries, newest first, and how many it has. */
export async function accountStatement(id: string, offset: number, limit: number): Promise<{ entries: EntryDoc[]; total: number }> {
  const { docs, total } = await newestFirstPage<EntryDoc>(Collections.ledgerEntries, { accountId: id }, 'createdAt', offset, limit);
  return { entries: docs, total };
}

/** Every entry of an account, oldest first (past CloudBase's 1,000 a query). */
export async function allEntriesOf(id: string): Promise<EntryDoc[]> {
  return allMatching<EntryDoc>(Collections.ledgerEntries, { accountId: id }, { field: 'createdAt', direction: 'asc' });
}

/** A page of the entries of several accounts (a community's), newest first. */
export async function entriesOfAccounts(ids: string[], offset: number, limit: number): Promise<NewestFirstPage<EntryDoc>> {
  return newestFirstPage<EntryDoc>(Collections.ledgerEntries, { accountId: database().command.in(ids) }, 'createdAt', offset, limit);
}

/** Residents' accounts holding credits that lapse by `now` (a batch for the expiry timer). */
export async function accountsDueToExpire(now: Date, limit: number): Promise<AccountDoc[]> {
  const { data } = await accountsCollection().where({ kind: 'resident', nextExpiryAt: database().command.lte(now) }).limit(limit).get();
  return data as AccountDoc[];
}

/** Records an account's next expiry inside the transaction that expired its lapsed credits. */
export async function setNextExpiry(id: string, nextExpiryAt: Date | null, now: Date, tx: Transaction): Promise<void> {
  await tx.collection(Collections.ledgerAccounts).doc(id).update({ nextExpiryAt, updatedAt: now });
}
