/**
 * Roll-calls as authorization sees them: who was called is private, so to anyone else a
 * roll-call answers like one that does not exist.
 */
import { rollCallPolicies, type RollCallResource } from '../../../src/shared/policies/volunteers';
import type { RegionDoc } from '../repositories/regions';
import { findAnswer, findRollCall, type RollCallAnswerDoc, type RollCallDoc } from '../repositories/rollCalls';
import type { Actor } from './actor';
import { authorize } from './authorize';
import { loadCommunity } from './communities';
import { rollCallErrors } from '../../../src/shared/domainErrors';

/** A roll-call the actor may not see, and one that does not exist. */
export const rollCallNotFound = () => rollCallErrors.notFound();

/** The policy view of a roll-call for one actor (her answer says whether she was called). */
export function rollCallResource(doc: RollCallDoc, region: RegionDoc, answer: RollCallAnswerDoc | null): RollCallResource {
  return { regionId: region._id, ancestorIds: region.ancestorIds, status: doc.status, called: answer !== null };
}

/** The roll-call, its community and the actor's answer, or NOT_FOUND for whoever may not see it. */
export async function loadVisibleRollCall(actor: Actor, rollCallId: string) {
  const doc = await findRollCall(rollCallId);
  if (!doc) throw rollCallNotFound();
  const [region, answer] = await Promise.all([loadCommunity(doc.communityId), findAnswer(rollCallId, actor.userId)]);
  authorize(rollCallPolicies, 'rollcalls.view', actor, rollCallResource(doc, region, answer), rollCallNotFound());
  return { doc, region, answer };
}
