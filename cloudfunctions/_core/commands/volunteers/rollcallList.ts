/** rollcalls.list: staff see a community's roll-calls, newest first; anyone else the roll-calls she was called to. */
import { rollCallCommunityPolicies } from '../../../../src/shared/policies/volunteers';
import type { RollCallsListOutput, RollCallView } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadCommunity } from '../../authz/communities';
import { regionDirectory } from '../../repositories/regions';
import { answersOfUser, rollCallsByIds, rollCallsOfCommunity } from '../../repositories/rollCalls';
import { rollCallView } from './rollcallView';

/** Staff: a community's roll-calls, newest first. Anyone else: the roll-calls she was called to. */
export async function listRollCalls(actor: Actor, input: { communityId?: string; offset: number; limit: number }): Promise<RollCallsListOutput> {
  if (input.communityId) {
    const region = await loadCommunity(input.communityId);
    authorize(rollCallCommunityPolicies, 'rollcalls.list', actor, { regionId: region._id, ancestorIds: region.ancestorIds });
    const page = await rollCallsOfCommunity(region._id, input.offset, input.limit);
    const items = await Promise.all(page.docs.map((doc) => rollCallView(actor, doc, region, null)));
    return { items, total: page.total, hasMore: page.hasMore };
  }
  const page = await answersOfUser(actor.userId, input.offset, input.limit);
  const [docs, directory] = await Promise.all([rollCallsByIds(page.docs.map((a) => a.rollCallId)), regionDirectory()]);
  const items: RollCallView[] = [];
  for (const answer of page.docs) {
    const doc = docs.get(answer.rollCallId);
    const region = doc ? directory.get(doc.communityId) : undefined;
    if (doc && region) items.push(await rollCallView(actor, doc, region, answer));
  }
  return { items, total: page.total, hasMore: page.hasMore };
}
