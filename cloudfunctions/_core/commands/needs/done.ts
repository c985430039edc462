/**
 * needs.done: whoever took the need on marks it done with a photo and the minutes each helper
 * served. Helpers are registered volunteers: the volunteer herself for her own claim, active
 * members of the claiming group for a group's. The photo goes to WeChat's image check
 * (ports/imageCheck.ts) and is shown once it passed.
 */
import { needErrors } from '../../../../src/shared/domainErrors';
import { needPolicies } from '../../../../src/shared/policies/needs';
import type { NeedsDoneInput, NeedView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleNeed } from '../../authz/needs';
import { imageChecker } from '../../ports/imageCheck';
import { notifier } from '../../ports/notify';
import { findMembership } from '../../repositories/memberships';
import { findNeed, moveNeed, type NeedDoc, type NeedHelperDoc } from '../../repositories/needs';
import { nicknamesOf } from '../../repositories/users';
import { volunteersOf } from '../../repositories/volunteers';
import { needViews } from './views';

/** The helpers as their records will name them; refused (nothing written) when one may not be counted. */
async function helpersOf(need: NeedDoc, input: NeedsDoneInput): Promise<NeedHelperDoc[]> {
  const claim = need.claim!;
  const ids = input.helpers.map((h) => h.userId);
  if (claim.kind === 'volunteer' && (ids.length !== 1 || ids[0] !== claim.id)) throw needErrors.volunteerHelpsAlone();
  const [volunteers, names, memberships] = await Promise.all([
    volunteersOf(ids),
    nicknamesOf(ids),
    claim.kind === 'group' ? Promise.all(ids.map((id) => findMembership(claim.id, id))) : Promise.resolve([]),
  ]);
  if (claim.kind === 'group' && memberships.some((m) => m?.status !== 'active')) throw needErrors.helperNotEligible();
  return input.helpers.map((h) => {
    const volunteer = volunteers.get(h.userId);
    if (!volunteer || volunteer.status !== 'active') throw needErrors.helperNotEligible();
    return { userId: h.userId, name: names.get(h.userId) ?? '志愿者', volunteerNo: volunteer.volunteerNo, minutes: h.minutes };
  });
}

/** Marks a need done; conditional on it still being accepted. */
export async function markNeedDone(actor: Actor, input: NeedsDoneInput, now: Date): Promise<NeedView> {
  const { need, resource, relations } = await loadVisibleNeed(actor, input.needId);
  authorize(needPolicies, 'needs.done', actor, resource, resource.claimer ? needErrors.stateChanged() : undefined);
  if (!input.photo.startsWith('cloud://')) throw needErrors.photoNotUploaded();
  const helpers = await helpersOf(need, input);
  const photoVerdict = await imageChecker().check(input.photo, actor.openid);
  if (!(await moveNeed(need._id, 'done', { doneAt: now, doneBy: actor.userId, photo: input.photo, photoVerdict, helpers }, now))) throw needErrors.stateChanged();
  await notifier().notify({ userId: need.userId, kind: 'need_done', params: { need: need.what.slice(0, 20) }, link: `package-needs/detail/index?id=${need._id}`, dedupeKey: `need-done-${need._id}` });
  return (await needViews(actor, [(await findNeed(need._id))!], now, relations))[0]!;
}
