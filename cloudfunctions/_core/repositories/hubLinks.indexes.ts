/** Indexes of `hub_links`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.hubLinks,
    name: 'hub_status',
    fields: [
      { field: 'hubId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  {
    collection: Collections.hubLinks,
    name: 'group_status',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
];
