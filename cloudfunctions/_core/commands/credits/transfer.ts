/** credits.transfer: time bank — credits from one resident to another, both in time-bank communities. */
import type { Actor } from '../../authz/actor';
import { requireVolunteer } from '../../authz/volunteers';
import { accountId, balanceOf } from '../../ledger/accounts';
import { yearsAfter } from '../../ledger/earnings';
import { applyPosting, type Posting } from '../../ledger/posting';
import { settingsFor } from '../../repositories/communitySettings';
import { digest } from '../../runtime/hash';
import { oneAtATime } from '../../runtime/keyedQueue';
import { inTransaction } from '../../runtime/transactions';
import { recipient, requireTimeBank } from './ledgerHelpers';
import { creditErrors } from '../../../../src/shared/domainErrors';

/** Time bank: credits from one resident to another, both in time-bank communities. */
export async function transferCredits(actor: Actor, toVolunteerNo: string, amount: number, note: string | undefined, requestId: string, now: Date) {
  const from = await requireVolunteer(actor);
  const to = await recipient(toVolunteerNo);
  if (to.userId === actor.userId) throw creditErrors.cannotTransferToSelf();
  await requireTimeBank(from.homeCommunityId);
  await requireTimeBank(to.homeCommunityId);
  const settings = await settingsFor(to.homeCommunityId);
  const posting: Posting = {
    id: `xfer-${digest(actor.userId, requestId).slice(0, 32)}`,
    memo: note ? `转赠：${note}` : '时间银行转赠',
    by: actor.userId,
    ref: { from: from.volunteerNo, to: to.volunteerNo },
    legs: [
      { kind: 'resident', ownerId: actor.userId, amount: -amount, entryKind: 'transfer_out' },
      { kind: 'resident', ownerId: to.userId, amount, entryKind: 'transfer_in', expiresAt: yearsAfter(now, settings.creditExpiryYears) },
    ],
  };
  await oneAtATime(accountId('resident', actor.userId), () => inTransaction((tx) => applyPosting(tx, posting, now)));
  return { balance: await balanceOf('resident', actor.userId) };
}
