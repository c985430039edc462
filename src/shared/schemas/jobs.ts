/**
 * Background jobs (a county-wide export, a roll-call's notices): work too big for one function
 * call runs in slices, and staff watch its progress until the result is there.
 */
import * as z from '../zod';
import { Id } from './common';

export const JobState = z.enum(['queued', 'running', 'done', 'failed']);
export type JobState = z.infer<typeof JobState>;

/** How far a job is: `done` of `total` items, and the error of a job that gave up. */
export const JobProgress = z.object({
  id: Id,
  state: JobState,
  done: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const JobsGetInput = z.object({ jobId: Id }).strict();
