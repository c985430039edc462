/** Timer expireCredits: lapsed credits of every due account go to its community's expiry account. */
import type { EntryKind } from '../../../../src/shared/schemas/credits';
import { accountsDueToExpire, allEntriesOf, findAccount, setNextExpiry } from '../../ledger/accounts';
import { applyPosting } from '../../ledger/posting';
import { regionDirectory } from '../../repositories/regions';
import { findVolunteer } from '../../repositories/volunteers';
import { inTransaction } from '../../runtime/transactions';
import { expiringAmount } from './expiry';

/** Timer: moves lapsed credits of every due account to its community's expiry account. */
export async function expireCredits(now: Date): Promise<{ accounts: number; credits: number }> {
  const directory = await regionDirectory();
  let accounts = 0;
  let credits = 0;
  for (;;) {
    const due = await accountsDueToExpire(now, 100);
    if (due.length === 0) return { accounts, credits };
    for (const account of due) {
      const entries = await allEntriesOf(account._id);
      const amount = Math.min(expiringAmount(entries, now), account.balance);
      const later = entries.filter((e) => e.amount > 0 && e.expiresAt && e.expiresAt.getTime() > now.getTime()).map((e) => e.expiresAt!.getTime());
      const nextExpiryAt = later.length > 0 ? new Date(Math.min(...later)) : null;
      const community = await homeCommunityOf(account.ownerId, directory);
      await inTransaction(async (tx) => {
        // Computed outside the transaction: if the account moved since, leave it for the next pass.
        const current = await findAccount(account._id, tx);
        if (!current || current.updatedAt.getTime() !== account.updatedAt.getTime()) return;
        if (amount > 0) {
          const kind: EntryKind = 'expired';
          await applyPosting(
            tx,
            {
              id: `expire-${account._id}-${account.nextExpiryAt!.getTime()}`,
              memo: '积分过期',
              by: 'system',
              ref: { accountId: account._id },
              legs: [
                { kind: 'resident', ownerId: account.ownerId, amount: -amount, entryKind: kind },
                { kind: 'expired', ownerId: community, amount, entryKind: kind },
              ],
            },
            now,
          );
        }
        await setNextExpiry(account._id, nextExpiryAt, now, tx);
      });
      accounts += 1;
      credits += amount;
    }
  }
}

async function homeCommunityOf(userId: string, directory: Map<string, unknown>): Promise<string> {
  const home = (await findVolunteer(userId))?.homeCommunityId;
  return home && directory.has(home) ? home : 'unassigned';
}
