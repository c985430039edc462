/** Indexes of `reports`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  // The reporters' own words beside each case in the staff queue, newest first.
  {
    collection: Collections.reports,
    name: 'case_created',
    fields: [
      { field: 'caseId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
];
