/** Indexes of `rate_limits`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.rateLimits,
    name: 'expires',
    fields: [{ field: 'expiresAt', type: 'date' }],
  },
];
