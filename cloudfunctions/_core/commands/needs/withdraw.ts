/** needs.withdraw: the resident (or her proxy) takes her need back before it is done. */
import { needErrors } from '../../../../src/shared/domainErrors';
import { needPolicies } from '../../../../src/shared/policies/needs';
import type { NeedView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleNeed } from '../../authz/needs';
import { findNeed, moveNeed } from '../../repositories/needs';
import { needViews } from './views';

/** Withdraws a need not yet done; conditional, so it never undoes a done or expired need. */
export async function withdrawNeed(actor: Actor, needId: string, now: Date): Promise<NeedView> {
  const { resource, relations } = await loadVisibleNeed(actor, needId);
  authorize(needPolicies, 'needs.withdraw', actor, resource, resource.forResident ? needErrors.stateChanged() : undefined);
  if (!(await moveNeed(needId, 'withdraw', { endedAt: now }, now))) throw needErrors.stateChanged();
  return (await needViews(actor, [(await findNeed(needId))!], now, relations))[0]!;
}
