/** Indexes of `volunteers` (its repository: volunteers.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  { collection: Collections.volunteers, name: 'volunteer_no', unique: true, fields: [{ field: 'volunteerNo', type: 'string' }] },
  { collection: Collections.volunteers, name: 'id_digest', fields: [{ field: 'idDigest', type: 'string' }] },
  // Roll-call: the volunteers of a community to call (grid area and skills filter the rest).
  {
    collection: Collections.volunteers,
    name: 'community_status',
    fields: [
      { field: 'homeCommunityId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
];
