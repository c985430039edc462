/**
 * needs.declineAddressed: the neighbour a need was addressed to from her time-bank offer cannot
 * help this time. The need goes to the public board as an ordinary open need (anyone of the
 * community may take it on), and the resident is told. Conditional on the need still being open
 * and addressed to her, so it races a claim or a withdrawal safely.
 */
import { needErrors } from '../../../../src/shared/domainErrors';
import { needPolicies } from '../../../../src/shared/policies/needs';
import type { NeedView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleNeed } from '../../authz/needs';
import { notifier } from '../../ports/notify';
import { findNeed, releaseAddressedNeed } from '../../repositories/needs';
import { needViews } from './views';

/** Declines a need addressed to the caller; it goes to the board. */
export async function declineAddressedNeed(actor: Actor, needId: string, now: Date): Promise<NeedView> {
  const { need, resource, relations } = await loadVisibleNeed(actor, needId);
  // She sees it because it is (or was) addressed to her, or it is on the board: a move she may no
  // longer make is a conflict, not a secret. The resident's side is refused like every other move.
  const noLongerHers = !resource.forResident && (resource.addressee || !resource.addressed);
  authorize(needPolicies, 'needs.declineAddressed', actor, resource, noLongerHers ? needErrors.notAddressedToYou() : undefined);
  if (!(await releaseAddressedNeed(needId, actor.userId, now))) throw needErrors.notAddressedToYou();
  await notifier().notify({
    userId: need.userId,
    kind: 'need_addressed_declined',
    params: { need: need.what.slice(0, 20) },
    link: `package-needs/detail/index?id=${needId}`,
    dedupeKey: `need-addressed-declined-${needId}`,
  });
  return (await needViews(actor, [(await findNeed(needId))!], now, relations))[0]!;
}
