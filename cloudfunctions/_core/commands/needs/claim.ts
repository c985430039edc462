/**
 * needs.claim: a registered volunteer takes a need on herself, or a leader (or co-leader) takes
 * it on for her active group of the need's community. One conditional update moves it from open,
 * so of any number of concurrent claims exactly one wins; the others are told it was taken.
 */
import { needErrors } from '../../../../src/shared/domainErrors';
import { canMove } from '../../../../src/shared/policies/needs';
import type { NeedsClaimInput, NeedView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleNeed, type CallerRelations } from '../../authz/needs';
import { needPolicies } from '../../../../src/shared/policies/needs';
import { notifier } from '../../ports/notify';
import { findGroup } from '../../repositories/groups';
import { findNeed, moveNeed, type NeedClaimDoc, type NeedDoc } from '../../repositories/needs';
import { findVolunteer } from '../../repositories/volunteers';
import { needViews } from './views';

/** Who the claim is by: the group she leads (of the need's community), or herself as a registered volunteer. */
async function claimerOf(actor: Actor, need: NeedDoc, groupId: string | undefined, relations: CallerRelations): Promise<NeedClaimDoc> {
  if (groupId) {
    const group = await findGroup(groupId);
    const serves = group && group.status === 'active' && (group.communityId === need.communityId || (group.communityId === null && group.streetId === need.streetId));
    if (!group || !serves || !relations.ledGroups.has(groupId)) throw needErrors.groupCannotClaim();
    return { kind: 'group', id: group._id, name: group.name, by: actor.userId };
  }
  const volunteer = await findVolunteer(actor.userId);
  if (!volunteer || volunteer.status !== 'active') throw needErrors.volunteerOnly();
  return { kind: 'volunteer', id: actor.userId, name: actor.user.nickname, by: actor.userId };
}

/** Takes a need on; exactly one of racing claims wins. */
export async function claimNeed(actor: Actor, input: NeedsClaimInput, now: Date): Promise<NeedView> {
  const { need, resource, relations } = await loadVisibleNeed(actor, input.needId);
  if (!canMove(need.state, 'claim')) throw needErrors.notClaimable();
  if (resource.forResident) throw needErrors.ownNeed();
  authorize(needPolicies, 'needs.claim', actor, resource);
  const claim = await claimerOf(actor, need, input.groupId, relations);
  if (!(await moveNeed(need._id, 'claim', { claim, claimedAt: now }, now))) throw needErrors.notClaimable();
  await notifier().notify({ userId: need.userId, kind: 'need_claimed', params: { need: need.what.slice(0, 20), claimer: claim.name }, link: `package-needs/detail/index?id=${need._id}`, dedupeKey: `need-claimed-${need._id}-${now.getTime()}` });
  const moved = (await findNeed(need._id))!;
  return (await needViews(actor, [moved], now, relations))[0]!;
}
