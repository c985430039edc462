/** rollcalls.get: staff over it see the tally and who is coming (soonest first); a called volunteer her own answer. */
import { rollCallPolicies } from '../../../../src/shared/policies/volunteers';
import type { JobProgress } from '../../../../src/shared/schemas/common';
import type { RollCallComer, RollCallsGetOutput } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { allows } from '../../authz/authorize';
import { loadVisibleRollCall, rollCallResource } from '../../authz/rollCalls';
import { advanceJob } from '../../jobs/jobRunner';
import { findJob, progressOf } from '../../repositories/jobs';
import { comingAnswers } from '../../repositories/rollCalls';
import { nicknamesOf } from '../../repositories/users';
import { volunteersOf } from '../../repositories/volunteers';
import { dispatchJobIdOf, rollCallJobs } from './rollcallJobs';
import { rollCallView } from './rollcallView';

/** Staff over it: the tally and who is coming (soonest first); a called volunteer: her own answer. */
export async function getRollCall(actor: Actor, rollCallId: string, now: Date, budgetMs: number): Promise<RollCallsGetOutput> {
  const { doc, region, answer } = await loadVisibleRollCall(actor, rollCallId);
  let dispatch: JobProgress | null | undefined;
  if (allows(rollCallPolicies, 'rollcalls.tally', actor, rollCallResource(doc, region, answer))) {
    // Staff watching the tally move the notices on (slices are idempotent; a live lease means someone else is).
    const job = await findJob(dispatchJobIdOf(rollCallId));
    const moved = job && (job.state === 'queued' || job.state === 'running') ? await advanceJob(job._id, rollCallJobs, { now: () => now, budgetMs }) : job;
    dispatch = moved ? progressOf(moved) : null;
  }
  const view = await rollCallView(actor, doc, region, answer, undefined, dispatch);
  if (!view.tally) return { rollCall: view, coming: null };
  const answers = await comingAnswers(rollCallId);
  const ids = answers.map((a) => a.userId);
  const [volunteers, nicknames] = await Promise.all([inThousands(ids, volunteersOf), inThousands(ids, nicknamesOf)]);
  const coming: RollCallComer[] = answers
    .map((a) => ({
      nickname: nicknames.get(a.userId) ?? '',
      skills: volunteers.get(a.userId)?.skills ?? [],
      gridArea: volunteers.get(a.userId)?.gridArea ?? null,
      etaMinutes: a.etaMinutes,
      answeredAt: (a.answeredAt ?? a.notifiedAt).toISOString(),
    }))
    .sort((x, y) => (x.etaMinutes ?? Infinity) - (y.etaMinutes ?? Infinity) || x.answeredAt.localeCompare(y.answeredAt));
  return { rollCall: view, coming };
}

/** A lookup by id in chunks of a thousand (CloudBase caps a page there). */
async function inThousands<V>(ids: string[], lookup: (chunk: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
  const out = new Map<string, V>();
  for (let start = 0; start < ids.length; start += 1000) for (const [k, v] of await lookup(ids.slice(start, start + 1000))) out.set(k, v);
  return out;
}
