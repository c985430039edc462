/** credits.grant: a committee grants credits to a volunteer of its community, from the pool or newly issued (audited). */
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

/** A committee grants credits to a volunteer of its community, from the pool or newly issued. */
export async function grantCredits(actor: Actor, input: { volunteerNo: string; amount: number; reason: string; source: 'pool' | 'issuance' }, requestId: string, now: Date) {
  const volunteer = await recipient(input.volunteerNo);
  if (!volunteer.homeCommunityId) throw volunteerErrors.unknownVolunteerNo();
  await loadManageableCommunity(actor, volunteer.homeCommunityId);
  const settings = await settingsFor(volunteer.homeCommunityId);
  const posting: Posting = {
    id: `grant-${digest(actor.userId, requestId).slice(0, 32)}`,
    memo: `社区奖励：${input.reason}`.slice(0, 80),
    by: actor.userId,
    ref: { volunteerNo: input.volunteerNo },
    legs: [
      { kind: input.source, ownerId: volunteer.homeCommunityId, amount: -input.amount, entryKind: 'granted' },
      { kind: 'resident', ownerId: volunteer.userId, amount: input.amount, entryKind: 'granted', expiresAt: yearsAfter(now, settings.creditExpiryYears) },
    ],
  };
  await inTransaction((tx) => applyPosting(tx, posting, now));
  await auditCredits(actor, 'credits.grant', volunteer, input.reason, { amount: input.amount, source: input.source }, requestId, now);
  return { balance: await balanceOf('resident', volunteer.userId) };
}
