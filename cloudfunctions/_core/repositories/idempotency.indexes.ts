/** Indexes of `idempotency`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.idempotency,
    name: 'expires',
    fields: [{ field: 'expiresAt', type: 'date' }],
  },
];
