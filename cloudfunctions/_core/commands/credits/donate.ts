/** credits.donate: time bank — credits to the community pool, which the committee can grant on. */
import type { Actor } from '../../authz/actor';
import { accountId, balanceOf } from '../../ledger/accounts';
import { applyPosting, type Posting } from '../../ledger/posting';
import { digest } from '../../runtime/hash';
import { oneAtATime } from '../../runtime/keyedQueue';
import { inTransaction } from '../../runtime/transactions';
import { requireTimeBank } from './ledgerHelpers';

/** Time bank: credits to the community pool, which the committee can grant on. */
export async function donateCredits(actor: Actor, amount: number, requestId: string, now: Date) {
  const communityId = actor.user.homeCommunityId;
  await requireTimeBank(communityId);
  const posting: Posting = {
    id: `dona-${digest(actor.userId, requestId).slice(0, 32)}`,
    memo: '捐赠到社区积分池',
    by: actor.userId,
    ref: { communityId: communityId! },
    legs: [
      { kind: 'resident', ownerId: actor.userId, amount: -amount, entryKind: 'donated' },
      { kind: 'pool', ownerId: communityId!, amount, entryKind: 'pool_in' },
    ],
  };
  await oneAtATime(accountId('resident', actor.userId), () => inTransaction((tx) => applyPosting(tx, posting, now)));
  return { balance: await balanceOf('resident', actor.userId) };
}
