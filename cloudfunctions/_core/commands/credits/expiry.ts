/** Shared by credits.mine and the expiry timer: how many of an account's credits have lapsed. */
import type { EntryDoc } from '../../ledger/posting';

/**
 * Credits of an account that have lapsed by `cutoff`, spending oldest first: everything that
 * came in with an expiry on or before the cutoff, less everything that has gone out since the
 * account opened (refunds undo spending). What is left of those old credits expires.
 */
export function expiringAmount(entries: EntryDoc[], cutoff: Date): number {
  let lapsed = 0;
  let spent = 0;
  for (const entry of entries) {
    if (entry.amount > 0 && entry.kind === 'refunded') spent -= entry.amount;
    else if (entry.amount > 0 && entry.expiresAt && entry.expiresAt.getTime() <= cutoff.getTime()) lapsed += entry.amount;
    else if (entry.amount < 0) spent += -entry.amount;
  }
  return Math.max(0, lapsed - spent);
}
