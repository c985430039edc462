/** Indexes of `notify_failures`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    // Staff's view of failed subscribe messages: a region's communities, newest first.
    collection: Collections.notifyFailures,
    name: 'community_created',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
];
