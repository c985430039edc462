/** Indexes of `roll_calls` (its repository: rollCalls.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.rollCalls,
    name: 'community_time',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
];
