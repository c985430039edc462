/** Indexes of `ledger_accounts`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.ledgerAccounts,
    name: 'expiry',
    fields: [
      { field: 'kind', type: 'string' },
      { field: 'nextExpiryAt', type: 'date' },
    ],
  },
];
