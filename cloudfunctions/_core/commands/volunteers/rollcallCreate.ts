/**
 * rollcalls.create — emergency roll-call (应急召集): staff over a community call its active
 * volunteers — those with any wanted skill (or all), in a grid area (or all) — to a meeting place;
 * each is notified once (a background job), answers "coming" or "cannot" while it is open, and is
 * thanked when it closes.
 */
import { rollCallCommunityPolicies } from '../../../../src/shared/policies/volunteers';
import { gridAreaAllowed } from '../../../../src/shared/schemas/regions';
import { ROLLCALL_RECIPIENT_CAP, type RollCallsCreateInput, type RollCallView } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadCommunity } from '../../authz/communities';
import { advanceJob } from '../../jobs/jobRunner';
import { assertContentAllowed } from '../../ports/contentCheck';
import { recordAudit } from '../../repositories/auditLog';
import { createJob, progressOf } from '../../repositories/jobs';
import { findRegion } from '../../repositories/regions';
import { answerIdOf, insertAnswers, putRollCall, type RollCallDoc } from '../../repositories/rollCalls';
import { matchingVolunteers } from '../../repositories/volunteers';
import { digest } from '../../runtime/hash';
import { dispatchJobIdOf, ROLLCALL_NOTIFY_JOB, rollCallJobs } from './rollcallJobs';
import { rollCallView } from './rollcallView';
import { regionErrors, rollCallErrors } from '../../../../src/shared/domainErrors';

/** A meet-at time a minute old is still "now" (clocks of phones and servers differ a little). */
const PAST_GRACE_MS = 60_000;
const MAX_AHEAD_MS = 30 * 24 * 3600_000;

/**
 * Creates a roll-call and notifies every matching active volunteer of the community, once each:
 * the notices are a background job (up to 2,000 do not fit one call), begun here within `budgetMs`.
 */
export async function createRollCall(actor: Actor, input: RollCallsCreateInput, requestId: string, now: Date, budgetMs: number): Promise<RollCallView> {
  const region = await loadCommunity(input.communityId);
  authorize(rollCallCommunityPolicies, 'rollcalls.create', actor, { regionId: region._id, ancestorIds: region.ancestorIds });
  if (input.meetAt.getTime() < now.getTime() - PAST_GRACE_MS) {
    throw rollCallErrors.meetInPast();
  }
  if (input.meetAt.getTime() > now.getTime() + MAX_AHEAD_MS) {
    throw rollCallErrors.meetTooFarAhead();
  }
  const skills = [...new Set(input.skills)];
  const gridArea = input.gridArea ?? null;
  // Once the community's grid areas are imported, the target is one of them (read fresh: a just-made import counts).
  if (gridArea && !gridAreaAllowed((await findRegion(region._id))?.gridAreas ?? [], gridArea)) {
    throw regionErrors.gridAreaNotOffered();
  }
  await assertContentAllowed(
    { title: input.title, description: input.description, meetingPlace: input.meetingPlace, gridArea: gridArea ?? undefined, skills: skills.join('，') },
    3,
    actor.openid,
  );

  // The id comes from the request, so a retry after a crash finds the same roll-call and the
  // notices' dedupe keys (derived from it) reach nobody twice.
  const id = `rc${digest('rollcall', actor.userId, requestId).slice(0, 30)}`;
  const { volunteers, more } = await matchingVolunteers({ communityId: region._id, skills, gridArea }, ROLLCALL_RECIPIENT_CAP);
  const doc: RollCallDoc = {
    _id: id,
    communityId: region._id,
    title: input.title,
    description: input.description,
    skills,
    gridArea,
    meetingPlace: input.meetingPlace,
    meetAt: input.meetAt,
    needed: input.needed,
    status: 'open',
    notified: volunteers.length,
    capped: more,
    createdBy: actor.userId,
    createdAt: now,
    closedAt: null,
    closedBy: null,
  };
  await insertAnswers(
    volunteers.map((v) => ({ _id: answerIdOf(id, v.userId), rollCallId: id, communityId: region._id, userId: v.userId, answer: 'none', etaMinutes: null, answeredAt: null, notifiedAt: now })),
  );
  // Written after the answers: a roll-call never shows a tally its answers do not back.
  await putRollCall(doc);
  // The notices go out as a job, from the answers just written: as many as the budget allows now,
  // the rest while staff watch the tally and on the function's timer (jobs/jobRunner.ts).
  await createJob({ _id: dispatchJobIdOf(id), fn: 'volunteers', kind: ROLLCALL_NOTIFY_JOB, params: { rollCallId: id }, total: volunteers.length, createdBy: actor.userId, regionId: region._id }, now);
  const dispatch = await advanceJob(dispatchJobIdOf(id), rollCallJobs, { now: () => now, budgetMs });
  await recordAudit(
    {
      actorId: actor.userId,
      action: 'rollcall.create',
      targetType: 'rollcall',
      targetId: id,
      regionId: region._id,
      reason: null,
      details: { title: input.title, skills, gridArea, needed: input.needed, notified: volunteers.length, capped: more },
    },
    `rollcall-${actor.userId}-${requestId}`,
    now,
  );
  return rollCallView(actor, doc, region, null, { coming: 0, cannot: 0 }, dispatch ? progressOf(dispatch) : null);
}
