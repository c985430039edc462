/** needs.get: one need as the caller may see it (address and phone only to its audience). */
import type { NeedView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { loadVisibleNeed } from '../../authz/needs';
import { imageChecker } from '../../ports/imageCheck';
import { setPhotoVerdict } from '../../repositories/needs';
import { needViews } from './views';

/** A need for the caller; a photo still waiting for its check is asked about again. */
export async function getNeed(actor: Actor, needId: string, now: Date): Promise<NeedView> {
  const { need, relations } = await loadVisibleNeed(actor, needId);
  if (need.photo && need.photoVerdict === 'pending') {
    const verdict = await imageChecker().check(need.photo, actor.openid);
    if (verdict !== 'pending') {
      await setPhotoVerdict(need._id, verdict);
      need.photoVerdict = verdict;
    }
  }
  return (await needViews(actor, [need], now, relations))[0]!;
}
