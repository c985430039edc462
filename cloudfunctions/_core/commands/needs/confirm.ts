/**
 * needs.confirm: the resident (or her proxy) accepts whoever took her need on, or declines, which
 * puts the need back on the board as open — a need she had addressed to one neighbour too: she
 * declined the neighbour she asked, so the board is where it goes next. Conditional on the need
 * still being claimed.
 */
import { needErrors } from '../../../../src/shared/domainErrors';
import { needPolicies } from '../../../../src/shared/policies/needs';
import type { NeedView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleNeed } from '../../authz/needs';
import { notifier } from '../../ports/notify';
import { findNeed, moveNeed } from '../../repositories/needs';
import { needViews } from './views';

/** Accepts or declines the claimer of a need. */
export async function confirmNeed(actor: Actor, needId: string, accept: boolean, now: Date): Promise<NeedView> {
  const { need, resource, relations } = await loadVisibleNeed(actor, needId);
  authorize(needPolicies, 'needs.confirm', actor, resource, resource.forResident ? needErrors.stateChanged() : undefined);
  const moved = accept
    ? await moveNeed(needId, 'accept', { acceptedAt: now }, now)
    : await moveNeed(needId, 'decline', { claim: null, claimedAt: null, addressedTo: null }, now);
  if (!moved) throw needErrors.stateChanged();
  if (accept && need.claim) {
    await notifier().notify({ userId: need.claim.by, kind: 'need_accepted', params: { need: need.what.slice(0, 20) }, link: `package-needs/detail/index?id=${needId}`, dedupeKey: `need-accepted-${needId}` });
  }
  return (await needViews(actor, [(await findNeed(needId))!], now, relations))[0]!;
}
