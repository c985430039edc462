/** credits.postings: a community's pool, store, issuance and expiry movements (staff over it). */
import type { Actor } from '../../authz/actor';
import { loadManageableCommunity } from '../../authz/communities';
import { accountId, entriesOfAccounts } from '../../ledger/accounts';
import { presentEntry } from '../../presenters/credits';

/** The community's pool, store, issuance and expiry movements, newest first (staff over it). */
export async function communityPostings(actor: Actor, communityId: string, offset: number, limit: number) {
  await loadManageableCommunity(actor, communityId);
  const kinds = ['pool', 'store', 'issuance', 'expired'] as const;
  const { docs, total, hasMore } = await entriesOfAccounts(kinds.map((kind) => accountId(kind, communityId)), offset, limit);
  return {
    items: docs.map((e) => ({ ...presentEntry(e), account: e.accountKind as (typeof kinds)[number], expiresAt: null })),
    total,
    hasMore,
  };
}
