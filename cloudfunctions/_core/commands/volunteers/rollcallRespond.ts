/** rollcalls.respond: a called volunteer answers "coming" (with an ETA) or "cannot" while the roll-call is open. */
import { rollCallPolicies } from '../../../../src/shared/policies/volunteers';
import type { RollCallsRespondInput, RollCallView } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadCommunity } from '../../authz/communities';
import { rollCallNotFound, rollCallResource } from '../../authz/rollCalls';
import { findAnswer, findRollCall, recordAnswer } from '../../repositories/rollCalls';
import { rollCallView } from './rollcallView';
import { rollCallErrors } from '../../../../src/shared/domainErrors';

/** A called volunteer answers (or changes her answer) while the roll-call is open. */
export async function respondToRollCall(actor: Actor, input: RollCallsRespondInput, now: Date): Promise<RollCallView> {
  const doc = await findRollCall(input.rollCallId);
  const answer = doc ? await findAnswer(input.rollCallId, actor.userId) : null;
  // Only those called know it exists.
  if (!doc || !answer) throw rollCallNotFound();
  if (doc.status !== 'open') throw rollCallErrors.closed();
  const region = await loadCommunity(doc.communityId);
  authorize(rollCallPolicies, 'rollcalls.respond', actor, rollCallResource(doc, region, answer), rollCallNotFound());
  const changes = { answer: input.answer, etaMinutes: input.answer === 'coming' ? (input.etaMinutes ?? null) : null, answeredAt: now };
  // An answer racing the close is refused by the answer's own flag, which the close sets.
  if (!(await recordAnswer(answer._id, changes))) throw rollCallErrors.closed();
  return rollCallView(actor, doc, region, { ...answer, ...changes });
}
