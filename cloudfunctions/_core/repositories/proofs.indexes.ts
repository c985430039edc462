/** Indexes of `proofs`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.proofs,
    name: 'user_time',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'requestedAt', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.proofs,
    name: 'issuer_state',
    fields: [
      { field: 'issuerId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'requestedAt', type: 'date' },
    ],
  },
  { collection: Collections.proofs, name: 'verification', unique: true, fields: [{ field: 'verificationCode', type: 'string' }] },
];
