/** Indexes of `notices` (its repository: notices.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    // A community's live notices, newest first: the inbox, the unread badge and the home pin.
    collection: Collections.notices,
    name: 'community_status_published',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'publishedAt', type: 'date', direction: -1 },
    ],
  },
  {
    // Staff's list of a community's notices.
    collection: Collections.notices,
    name: 'community_created',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  { collection: Collections.notices, name: 'image_status', fields: [{ field: 'imageStatus', type: 'string' }] },
];
