/** Indexes of `posts`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.posts,
    name: 'group_created',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  { collection: Collections.posts, name: 'images_pending', fields: [{ field: 'imagesPending', type: 'number' }] },
];
