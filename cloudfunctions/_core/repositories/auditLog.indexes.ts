/** Indexes of `audit_log` (its repository: auditLog.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.auditLog,
    name: 'target',
    fields: [
      { field: 'targetId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.auditLog,
    name: 'region_created',
    fields: [
      { field: 'regionId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
];
