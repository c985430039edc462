/** Indexes of `inbox`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.inbox,
    name: 'user_created',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  // The sweep for messages lost with their function (ports/notify.ts, recordLostMessages).
  {
    collection: Collections.inbox,
    name: 'phone_created',
    fields: [
      { field: 'phone', type: 'string' },
      { field: 'createdAt', type: 'date', direction: 1 },
    ],
  },
];
