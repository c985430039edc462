/** Indexes of `proxy_actions` (its repository: proxyActions.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.proxyActions,
    name: 'resident_at',
    fields: [
      { field: 'residentUserId', type: 'string' },
      { field: 'at', type: 'date', direction: -1 },
    ],
  },
];
