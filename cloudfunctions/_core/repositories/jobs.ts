/**
 * Background jobs and their parts. A job is one document: what to do (`kind`, `params`), how far
 * it is (`slice` committed slices, `cursor` after the last item handled, `done` of `total`), and
 * who is working on it (a lease: `leaseToken` until `leaseUntil`). Every change is a conditional
 * update of the job document — claimed only when no lease is live, committed only by the lease
 * holder at the slice it claimed — so two runners never both commit a slice, and a runner that
 * died leaves a lease that simply runs out.
 */
import { randomBytes } from 'node:crypto';
import type { JobProgress, JobState } from '../../../src/shared/schemas/common';
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { Collections } from './collections';

export interface JobDoc {
  _id: string;
  /** The deployed function whose timer and actions run it. */
  fn: string;
  kind: string;
  state: JobState;
  params: Record<string, unknown>;
  total: number;
  done: number;
  /** Slices committed so far; the next slice is number `slice`. */
  slice: number;
  /** Where the next slice starts (after this id, or an offset); null at the start. */
  cursor: string | null;
  /** Every item is handled; what is left is the finishing step (e.g. writing the file). */
  sliced: boolean;
  leaseToken: string | null;
  leaseUntil: Date;
  /** Failed tries of the current slice; the job fails after MAX_ATTEMPTS. */
  attempts: number;
  error: string | null;
  result: Record<string, unknown> | null;
  createdBy: string;
  regionId: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One slice's output kept for the finishing step (an export's rows). */
export interface JobPartDoc {
  _id: string;
  jobId: string;
  seq: number;
  rows: Array<Record<string, unknown>>;
}

export const jobs = () => database().collection(Collections.jobs);
export const jobParts = () => database().collection(Collections.jobParts);

const UNLEASED = new Date(0);

export type NewJob = Pick<JobDoc, '_id' | 'fn' | 'kind' | 'params' | 'total' | 'createdBy' | 'regionId'>;

/** Creates the job, or finds the one a retry of the same request created. */
export async function createJob(job: NewJob, now: Date): Promise<JobDoc> {
  const doc: JobDoc = {
    ...job,
    state: 'queued',
    done: 0,
    slice: 0,
    cursor: null,
    sliced: false,
    leaseToken: null,
    leaseUntil: UNLEASED,
    attempts: 0,
    error: null,
    result: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await jobs().add(doc);
    return doc;
  } catch (error) {
    if (!isDuplicateError(error)) throw error;
    return (await findJob(job._id))!;
  }
}

export async function findJob(id: string): Promise<JobDoc | null> {
  const { data } = await jobs().doc(id).get();
  return (data[0] as JobDoc | undefined) ?? null;
}

/** Jobs of a function that are not finished, oldest first (the timer's work list). */
export async function unfinishedJobs(fn: string, limit: number): Promise<JobDoc[]> {
  const _ = database().command;
  const { data } = await jobs()
    .where({ fn, state: _.in(['queued', 'running']) })
    .orderBy('createdAt', 'asc')
    .limit(limit)
    .get();
  return data as JobDoc[];
}

/**
 * Takes the lease on the job's next slice: only if the job is unfinished, still at the slice the
 * caller read, and nobody's lease is live. The token the job then holds, or null.
 */
export async function claimJob(job: JobDoc, now: Date, leaseMs: number): Promise<string | null> {
  const _ = database().command;
  const token = randomBytes(12).toString('hex');
  const { updated } = await jobs()
    .where({ _id: job._id, state: _.in(['queued', 'running']), slice: job.slice, sliced: job.sliced, leaseUntil: _.lte(now) })
    .update({ state: 'running', leaseToken: token, leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now });
  return updated === 1 ? token : null;
}

/** Commits a slice the lease holder finished; false when its lease was lost meanwhile. */
export async function commitSlice(job: JobDoc, token: string, step: { cursor: string | null; processed: number; sliced: boolean }, now: Date): Promise<boolean> {
  const _ = database().command;
  const { updated } = await jobs()
    .where({ _id: job._id, leaseToken: token, slice: job.slice })
    .update({ slice: job.slice + 1, cursor: step.cursor, done: _.inc(step.processed), sliced: step.sliced, attempts: 0, error: null, leaseToken: null, leaseUntil: UNLEASED, updatedAt: now });
  return updated === 1;
}

/** Marks the job done with its result (by the lease holder). */
export async function completeJob(job: JobDoc, token: string, result: Record<string, unknown>, now: Date): Promise<boolean> {
  const { updated } = await jobs()
    .where({ _id: job._id, leaseToken: token })
    // The whole is what was done: rows added or removed since the start change it a little.
    .update({ state: 'done', result, total: job.done, leaseToken: null, leaseUntil: UNLEASED, updatedAt: now });
  return updated === 1;
}

/** Records a failed try and lets the lease go; after `maxAttempts` the job is failed for good. */
export async function recordFailure(job: JobDoc, token: string, message: string, maxAttempts: number, now: Date): Promise<void> {
  const attempts = job.attempts + 1;
  await jobs()
    .where({ _id: job._id, leaseToken: token })
    .update({ attempts, error: message.slice(0, 300), state: attempts >= maxAttempts ? 'failed' : 'running', leaseToken: null, leaseUntil: UNLEASED, updatedAt: now });
}

/** Writes one slice's part; a slice run again overwrites its own part (same id), never adds one. */
export async function writePart(jobId: string, seq: number, rows: Array<Record<string, unknown>>): Promise<void> {
  await jobParts().doc(partIdOf(jobId, seq)).set({ jobId, seq, rows });
}

export const partIdOf = (jobId: string, seq: number) => `${jobId}-${String(seq).padStart(5, '0')}`;

/** The parts of a job in slice order, `pageSize` parts a round trip. */
export async function partsOf(jobId: string, pageSize: number): Promise<JobPartDoc[]> {
  const _ = database().command;
  const out: JobPartDoc[] = [];
  for (let seq = 0; ; seq += pageSize) {
    const { data } = await jobParts()
      .where({ jobId, seq: _.gte(seq).and(_.lt(seq + pageSize)) })
      .orderBy('seq', 'asc')
      .limit(pageSize)
      .get();
    out.push(...(data as JobPartDoc[]));
    if (data.length < pageSize) return out;
  }
}

/** Removes a finished job's parts (their rows are in the file now). */
export async function removeParts(jobId: string): Promise<void> {
  await jobParts().where({ jobId }).remove();
}

/** What staff see of a job. */
export function progressOf(job: JobDoc): JobProgress {
  return { id: job._id, state: job.state, done: Math.min(job.done, job.total), total: job.total, error: job.state === 'failed' ? job.error : null };
}
