/** Indexes of `role_grants` (its repository: roleGrants.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.roleGrants,
    name: 'user_role',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'role', type: 'string' },
    ],
  },
  {
    collection: Collections.roleGrants,
    name: 'region_role',
    fields: [
      { field: 'regionId', type: 'string' },
      { field: 'role', type: 'string' },
    ],
  },
];
