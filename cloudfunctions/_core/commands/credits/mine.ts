/** credits.mine: my credits — balance, credits lapsing within 30 days, and my statement. */
import type { Actor } from '../../authz/actor';
import { accountId, accountStatement, allEntriesOf, findAccount } from '../../ledger/accounts';
import { presentEntry } from '../../presenters/credits';
import { settingsFor } from '../../repositories/communitySettings';
import { expiringAmount } from './expiry';

const DAY_MS = 24 * 3600_000;
const EXPIRY_NOTICE_DAYS = 30;

/** My balance, what lapses soon, and a page of my statement. */
export async function myCredits(actor: Actor, offset: number, limit: number, now: Date) {
  const id = accountId('resident', actor.userId);
  const [account, statement, settings] = await Promise.all([findAccount(id), accountStatement(id, offset, limit), settingsFor(actor.user.homeCommunityId)]);
  const balance = account?.balance ?? 0;
  let expiringSoon: { amount: number; at: string } | null = null;
  if (account?.nextExpiryAt && account.nextExpiryAt.getTime() - now.getTime() < EXPIRY_NOTICE_DAYS * DAY_MS) {
    const amount = expiringAmount(await allEntriesOf(id), account.nextExpiryAt);
    if (amount > 0) expiringSoon = { amount: Math.min(amount, balance), at: account.nextExpiryAt.toISOString() };
  }
  return {
    balance,
    expiringSoon,
    timeBank: settings.timeBank,
    entries: {
      items: statement.entries.map(presentEntry),
      total: statement.total,
      hasMore: offset + limit < statement.total,
    },
  };
}
