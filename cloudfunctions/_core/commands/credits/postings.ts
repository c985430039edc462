/** credits.postings: a community's pool, store, issuance and expiry movements (staff over it). */
import type { Actor } from '../../authz/actor';
import { loadManageableCommunity } from '../../authz/communities';
import { accountId, entriesOfAccounts, type AccountKind } from '../../ledger/accounts';
import { presentEntry } from '../../presenters/credits';

/** The accounts a community owns: every kind but a resident's. */
type CommunityAccountKind = Exclude<AccountKind, 'resident'>;
const COMMUNITY_ACCOUNTS: readonly CommunityAccountKind[] = ['pool', 'store', 'issuance', 'expired'];

/** The entry's account as one of the community's (it was read by those accounts' ids, so a resident's cannot come back). */
function communityAccountOf(kind: AccountKind): CommunityAccountKind {
  if (kind === 'resident') throw new Error("credits.postings: a resident's entry among a community's accounts");
  return kind;
}

/** The community's pool, store, issuance and expiry movements, newest first (staff over it). */
export async function communityPostings(actor: Actor, communityId: string, offset: number, limit: number) {
  await loadManageableCommunity(actor, communityId);
  const { docs, total, hasMore } = await entriesOfAccounts(COMMUNITY_ACCOUNTS.map((kind) => accountId(kind, communityId)), offset, limit);
  return {
    items: docs.map((e) => ({ ...presentEntry(e), account: communityAccountOf(e.accountKind), expiresAt: null })),
    total,
    hasMore,
  };
}
