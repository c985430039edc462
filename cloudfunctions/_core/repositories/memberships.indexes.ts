/** Indexes of `memberships` (its repository: memberships.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.memberships,
    name: 'user_status',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  {
    collection: Collections.memberships,
    name: 'group_status',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
];
