/** Indexes of `moderation_cases`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.moderationCases,
    name: 'community_state',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'state', type: 'string' },
    ],
  },
  {
    collection: Collections.moderationCases,
    name: 'street_state',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'state', type: 'string' },
    ],
  },
  { collection: Collections.moderationCases, name: 'author', fields: [{ field: 'authorId', type: 'string' }] },
];
