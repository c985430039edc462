/** Indexes of `care_visits` (its repository: careVisits.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    // A person's visit log, newest first.
    collection: Collections.careVisits,
    name: 'recipient_date',
    fields: [
      { field: 'recipientId', type: 'string' },
      { field: 'visitDate', type: 'string', direction: -1 },
      { field: 'loggedAt', type: 'date', direction: -1 },
    ],
  },
  {
    // The dashboard's months, by region.
    collection: Collections.careVisits,
    name: 'community_month',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'month', type: 'string' },
    ],
  },
];
