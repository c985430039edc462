/** Indexes of `notice_subscriptions` (its repository: noticeSubscriptions.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  // The notices job pages a community's subscribers by id.
  {
    collection: Collections.noticeSubscriptions,
    name: 'community_remaining',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'remaining', type: 'number' },
    ],
  },
];
