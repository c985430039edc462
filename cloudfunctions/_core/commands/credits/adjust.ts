/** credits.adjust: a committee corrects a balance up or down (never below zero) with a reason (audited). */
import type { Actor } from '../../authz/actor';
import { loadManageableCommunity } from '../../authz/communities';
import { balanceOf } from '../../ledger/accounts';
import { yearsAfter } from '../../ledger/earnings';
import { applyPosting, type Posting } from '../../ledger/posting';
import { settingsFor } from '../../repositories/communitySettings';
import { digest } from '../../runtime/hash';
import { inTransaction } from '../../runtime/transactions';
import { auditCredits, recipient } from './ledgerHelpers';
import { volunteerErrors } from '../../../../src/shared/domainErrors';

/** A committee corrects a balance up or down (never below zero) with a reason. */
export async function adjustCredits(actor: Actor, input: { volunteerNo: string; amount: number; reason: string }, requestId: string, now: Date) {
  const volunteer = await recipient(input.volunteerNo);
  if (!volunteer.homeCommunityId) throw volunteerErrors.unknownVolunteerNo();
  await loadManageableCommunity(actor, volunteer.homeCommunityId);
  const settings = await settingsFor(volunteer.homeCommunityId);
  const posting: Posting = {
    id: `adj-${digest(actor.userId, requestId).slice(0, 32)}`,
    memo: `积分调整：${input.reason}`.slice(0, 80),
    by: actor.userId,
    ref: { volunteerNo: input.volunteerNo },
    legs: [
      { kind: 'issuance', ownerId: volunteer.homeCommunityId, amount: -input.amount, entryKind: 'adjusted' },
      {
        kind: 'resident',
        ownerId: volunteer.userId,
        amount: input.amount,
        entryKind: 'adjusted',
        expiresAt: input.amount > 0 ? yearsAfter(now, settings.creditExpiryYears) : null,
      },
    ],
  };
  await inTransaction((tx) => applyPosting(tx, posting, now));
  await auditCredits(actor, 'credits.adjust', volunteer, input.reason, { amount: input.amount }, requestId, now);
  return { balance: await balanceOf('resident', volunteer.userId) };
}
