/** Indexes of `redemptions`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.redemptions,
    name: 'user_time',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.redemptions,
    name: 'community_state',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.redemptions,
    name: 'pickup',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'pickupCode', type: 'string' },
    ],
  },
];
