/**
 * The credit ledger's accounts. Every resident, community pool and points store holds credits;
 * each community also has an issuance account (credits enter circulation from it, so its
 * balance is minus what that community issued and may be negative) and an expiry account
 * (where expired credits go). Together the ledger always sums to zero.
 */
import { database } from '../runtime/cloudbase';
import { Collections } from '../repositories/collections';
import { tallyBy, type Tally } from '../repositories/figures';

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
