/** Indexes of `hour_records` (its repository: hourRecords.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.hourRecords,
    name: 'user_date',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'serviceDate', type: 'string', direction: -1 },
    ],
  },
  {
    collection: Collections.hourRecords,
    name: 'activity',
    fields: [{ field: 'activityId', type: 'string' }],
  },
  {
    collection: Collections.hourRecords,
    name: 'group_state',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'recordedAt', type: 'date' },
    ],
  },
  {
    collection: Collections.hourRecords,
    name: 'community_state',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'recordedAt', type: 'date' },
    ],
  },
  { collection: Collections.hourRecords, name: 'street', fields: [{ field: 'streetId', type: 'string' }] },
  { collection: Collections.hourRecords, name: 'county', fields: [{ field: 'countyId', type: 'string' }] },
];
