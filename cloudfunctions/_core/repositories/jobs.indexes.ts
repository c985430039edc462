/** Indexes of `jobs` (its repository: jobs.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  // Background jobs: a function's timer finds its unfinished jobs, oldest first.
  {
    collection: Collections.jobs,
    name: 'fn_state_time',
    fields: [
      { field: 'fn', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'createdAt', type: 'date' },
    ],
  },
];
