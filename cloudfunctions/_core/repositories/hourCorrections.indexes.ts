/** Indexes of `hour_corrections` (its repository: hourRecords.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.hourCorrections,
    name: 'group_state',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'createdAt', type: 'date' },
    ],
  },
  {
    collection: Collections.hourCorrections,
    name: 'community_state',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'createdAt', type: 'date' },
    ],
  },
  { collection: Collections.hourCorrections, name: 'record', fields: [{ field: 'recordId', type: 'string' }, { field: 'state', type: 'string' }] },
];
