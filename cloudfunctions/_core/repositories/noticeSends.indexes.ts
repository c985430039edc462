/** Indexes of `notice_sends` (its repository: noticeSends.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  { collection: Collections.noticeSends, name: 'notice', fields: [{ field: 'noticeId', type: 'string' }] },
  // The sweep for messages lost with their runner (ports/notify.ts, recordLostMessages).
  {
    collection: Collections.noticeSends,
    name: 'phone_claimed',
    fields: [
      { field: 'phone', type: 'string' },
      { field: 'claimedAt', type: 'date', direction: 1 },
    ],
  },
];
