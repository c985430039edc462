/** Indexes of `proxies`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.proxies,
    name: 'proxy',
    fields: [
      { field: 'proxyUserId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  {
    collection: Collections.proxies,
    name: 'elder',
    fields: [
      { field: 'elderUserId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
];
