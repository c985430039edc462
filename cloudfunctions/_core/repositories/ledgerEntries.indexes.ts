/** Indexes of `ledger_entries`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.ledgerEntries,
    name: 'account_time',
    fields: [
      { field: 'accountId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
];
