/**
 * needs.thank: the resident (or her proxy) rates a done need 1–5, with optional words, and its
 * helpers' hours go to review (./needHours.ts) — the move and the records in one transaction.
 */
import { needErrors } from '../../../../src/shared/domainErrors';
import { canMove, needPolicies } from '../../../../src/shared/policies/needs';
import type { NeedsThankInput, NeedView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleNeed } from '../../authz/needs';
import { assertContentAllowed } from '../../ports/contentCheck';
import { settingsFor } from '../../repositories/communitySettings';
import { findNeed } from '../../repositories/needs';
import { inTransaction } from '../../runtime/transactions';
import { endWithHours } from './needHours';
import { needViews } from './views';

/** Thanks and rates a done need; its helpers' records go to review. */
export async function thankNeed(actor: Actor, input: NeedsThankInput, now: Date): Promise<NeedView> {
  const { need, resource, relations } = await loadVisibleNeed(actor, input.needId);
  authorize(needPolicies, 'needs.thank', actor, resource, resource.forResident ? needErrors.stateChanged() : undefined);
  if (input.words) await assertContentAllowed({ words: input.words }, 2, actor.openid);
  const settings = await settingsFor(need.communityId);
  await inTransaction(async (tx) => {
    const current = await findNeed(need._id, tx);
    if (!current || !canMove(current.state, 'thank')) throw needErrors.stateChanged();
    await endWithHours(tx, current, 'thank', { rating: input.rating, thanks: input.words ?? null }, settings, now);
  });
  return (await needViews(actor, [(await findNeed(need._id))!], now, relations))[0]!;
}
