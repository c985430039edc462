/** Indexes of `job_parts` (its repository: jobs.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  // A job's parts in slice order, for its finishing step.
  {
    collection: Collections.jobParts,
    name: 'job_seq',
    fields: [
      { field: 'jobId', type: 'string' },
      { field: 'seq', type: 'number' },
    ],
  },
];
