/** Indexes of `users` (its repository: users.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  { collection: Collections.users, name: 'openid', unique: true, fields: [{ field: 'openid', type: 'string' }] },
  {
    collection: Collections.users,
    name: 'home_community',
    fields: [{ field: 'homeCommunityId', type: 'string' }],
  },
  // proxies.claim finds the resident of a claim code (repositories/users.ts residentOfClaimCode).
  { collection: Collections.users, name: 'claim_code', fields: [{ field: 'claim.codeHash', type: 'string' }] },
];
