/** What the volunteers function shows of roll-calls: the call, the tally (staff over it) and the viewer's answer. */
import { rollCallPolicies } from '../../../src/shared/policies/volunteers';
import type { RollCallTally, RollCallView } from '../../../src/shared/schemas/volunteers';
import type { Actor } from '../authz/actor';
import { abilities } from '../authz/authorize';
import { rollCallResource } from '../authz/rollCalls';
import type { RegionDoc } from '../repositories/regions';
import type { RollCallAnswerDoc, RollCallDoc } from '../repositories/rollCalls';

/** A roll-call as the actor sees it; `tally` is null unless she may see it. */
export function presentRollCall(actor: Actor, doc: RollCallDoc, region: RegionDoc, answer: RollCallAnswerDoc | null, tally: RollCallTally | null): RollCallView {
  return {
    id: doc._id,
    communityId: doc.communityId,
    communityName: region.name,
    title: doc.title,
    description: doc.description,
    skills: doc.skills,
    gridArea: doc.gridArea,
    meetingPlace: doc.meetingPlace,
    meetAt: doc.meetAt.toISOString(),
    needed: doc.needed,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
    closedAt: doc.closedAt ? doc.closedAt.toISOString() : null,
    tally,
    myAnswer: answer ? { answer: answer.answer, etaMinutes: answer.etaMinutes, answeredAt: answer.answeredAt ? answer.answeredAt.toISOString() : null } : null,
    abilities: abilities(rollCallPolicies, actor, rollCallResource(doc, region, answer)),
  };
}
