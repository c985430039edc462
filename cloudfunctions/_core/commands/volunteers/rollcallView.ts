/** Shared by the roll-call actions: the view of a roll-call, with the tally counted for staff over it. */
import { rollCallPolicies } from '../../../../src/shared/policies/volunteers';
import type { JobProgress } from '../../../../src/shared/schemas/common';
import type { RollCallTally, RollCallView } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { allows } from '../../authz/authorize';
import { rollCallResource } from '../../authz/rollCalls';
import { presentRollCall } from '../../presenters/rollCalls';
import type { RegionDoc } from '../../repositories/regions';
import { answerCounts, type RollCallAnswerDoc, type RollCallDoc } from '../../repositories/rollCalls';

/** The roll-call as the actor may see it; staff over it get the tally (counted unless given). */
export async function rollCallView(
  actor: Actor,
  doc: RollCallDoc,
  region: RegionDoc,
  answer: RollCallAnswerDoc | null,
  known?: { coming: number; cannot: number },
  dispatch?: JobProgress | null,
): Promise<RollCallView> {
  let tally: RollCallTally | null = null;
  if (allows(rollCallPolicies, 'rollcalls.tally', actor, rollCallResource(doc, region, answer))) {
    const counts = known ?? (await answerCounts(doc._id));
    tally = { notified: doc.notified, ...counts, pending: Math.max(0, doc.notified - counts.coming - counts.cannot), capped: doc.capped, ...(dispatch === undefined ? {} : { dispatch }) };
  }
  return presentRollCall(actor, doc, region, answer, tally);
}
