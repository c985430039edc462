/** Indexes of `need_offers`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.needOffers,
    name: 'community_open',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
];
