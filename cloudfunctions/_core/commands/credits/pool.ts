/** credits.pool: a community's balances and settings; anyone may look, staff over it may manage. */
import type { Actor } from '../../authz/actor';
import { loadCommunity, managesCredits } from '../../authz/communities';
import { balanceOf } from '../../ledger/accounts';
import { settingsFor } from '../../repositories/communitySettings';

/** The community's balances and settings; anyone may look, staff over it may manage. */
export async function communityPool(actor: Actor, communityId: string) {
  const region = await loadCommunity(communityId);
  const [settings, pool, store, issuance, expired] = await Promise.all([
    settingsFor(communityId),
    balanceOf('pool', communityId),
    balanceOf('store', communityId),
    balanceOf('issuance', communityId),
    balanceOf('expired', communityId),
  ]);
  return {
    communityId,
    ...settings,
    pool,
    store,
    issued: -issuance,
    expired,
    canManage: managesCredits(actor, region),
  };
}
