/**
 * Runs background jobs in slices within a time budget. A CloudBase function call ends at its
 * timeout (config.json `timeout`, 10 s here: https://docs.cloudbase.net/cloud-function/timeout)
 * and a query answers at most 1,000 documents, so big work is cut into slices a call can finish;
 * whoever has time advances the job — the call that started it, the staff member's progress
 * polls, and the function's timer (its one trigger, through timerJobs) for the rest.
 *
 * Each slice is claimed with a lease, done, then committed at the slice number it claimed, so
 * its effects must be idempotent: a slice that crashes before its commit runs again from the
 * same cursor (notices carry dedupe keys; an export's part is overwritten by the same id). A
 * slice that throws lets its lease go and counts a try; one whose runner died keeps its lease
 * until the lease runs out (longer than any function call lives).
 */
import {
  claimJob,
  commitSlice,
  completeJob,
  findJob,
  recordFailure,
  unfinishedJobs,
  type JobDoc,
} from '../repositories/jobs';
import { logEvent } from '../runtime/log';

/** Longer than any call of a function lives (CloudBase's longest timeout is 900 s; ours 10–20 s). */
export const LEASE_MS = 15 * 60_000;
/** Tries of one slice before the job is failed and staff see its error. */
export const MAX_ATTEMPTS = 5;

/** One slice's outcome: where the next starts, how many items this one handled, whether that was all. */
export interface SliceStep {
  cursor: string | null;
  processed: number;
  sliced: boolean;
}

/** What a kind of job does: a slice from the job's cursor, and the step after the last slice. */
export interface JobHandler {
  slice(job: JobDoc, now: Date): Promise<SliceStep>;
  /** The result (e.g. the file); jobs without one finish with an empty result. */
  finish?(job: JobDoc, now: Date): Promise<Record<string, unknown>>;
  /** Tidies up after the job is done (an export's parts); a failure here is only logged. */
  cleanup?(job: JobDoc): Promise<void>;
}

export type JobHandlers = Record<string, JobHandler>;

/** The clock a run uses: lease times from `now()` (tests move it), the budget from the wall clock. */
export interface RunClock {
  now: () => Date;
  budgetMs: number;
}

/**
 * Claims and runs one step of the job (a slice, or the finish): true if it made progress.
 * False when the job is finished, held by a live lease, or moved on since it was read.
 */
export async function stepJob(job: JobDoc, handlers: JobHandlers, now: Date): Promise<boolean> {
  if (job.state === 'done' || job.state === 'failed') return false;
  const handler = handlers[job.kind];
  if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
  const token = await claimJob(job, now, LEASE_MS);
  if (!token) return false;
  try {
    if (job.sliced) {
      const result = handler.finish ? await handler.finish(job, now) : {};
      if (!(await completeJob(job, token, result, now))) return false;
      await handler.cleanup?.(job).catch((error: unknown) => logEvent('warn', 'job_cleanup_failed', { jobId: job._id, message: String(error) }));
      return true;
    }
    const step = await handler.slice(job, now);
    return await commitSlice(job, token, step, now);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logEvent('warn', 'job_slice_failed', { jobId: job._id, kind: job.kind, slice: job.slice, attempt: job.attempts + 1, message });
    await recordFailure(job, token, message, MAX_ATTEMPTS, now);
    return false;
  }
}

/**
 * Advances one job step by step until it is finished, blocked, or the budget is spent — at least
 * one step whatever the budget, so every call that looks at a job also moves it on.
 */
export async function advanceJob(jobId: string, handlers: JobHandlers, clock: RunClock): Promise<JobDoc | null> {
  const started = Date.now();
  let job = await findJob(jobId);
  while (job) {
    if (!(await stepJob(job, handlers, clock.now()))) break;
    job = await findJob(jobId);
    if (Date.now() - started >= clock.budgetMs) break;
  }
  return job;
}

/** The timer's work: the function's unfinished jobs, oldest first, within the budget. */
export async function runDueJobs(fn: string, handlers: JobHandlers, clock: RunClock): Promise<{ jobs: number; finished: number }> {
  const started = Date.now();
  let finished = 0;
  const due = await unfinishedJobs(fn, 20);
  for (const job of due) {
    const left = clock.budgetMs - (Date.now() - started);
    if (left <= 0) break;
    const after = await advanceJob(job._id, handlers, { now: clock.now, budgetMs: left });
    if (after?.state === 'done') finished += 1;
  }
  return { jobs: due.length, finished };
}

/** The time a call may spend on job slices: a share of the function's timeout, for the rest of its work. */
export function jobBudgetMs(timeoutSeconds: number, share: number): number {
  return Math.max(500, timeoutSeconds * 1000 * share);
}
