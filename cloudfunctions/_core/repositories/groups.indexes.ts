/** Indexes of `groups` (its repository: groups.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { GeoIndexDeclaration, IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.groups,
    name: 'community_status_members',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'memberCount', type: 'number', direction: -1 },
    ],
  },
  {
    // The type filter of discovery, so it is answered by SQLite too.
    collection: Collections.groups,
    name: 'community_status_type_members',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'type', type: 'string' },
      { field: 'memberCount', type: 'number', direction: -1 },
    ],
  },
  {
    collection: Collections.groups,
    name: 'street_status_members',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'memberCount', type: 'number', direction: -1 },
    ],
  },
  {
    // The type filter of discovery, so it is answered by SQLite too.
    collection: Collections.groups,
    name: 'street_status_type_members',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'type', type: 'string' },
      { field: 'memberCount', type: 'number', direction: -1 },
    ],
  },
  {
    collection: Collections.groups,
    name: 'county_status',
    fields: [
      { field: 'countyId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  { collection: Collections.groups, name: 'applicant', fields: [{ field: 'applicantId', type: 'string' }] },
];

export const geoIndexes: GeoIndexDeclaration[] = [
  // Nearest-first group discovery (`groups.list` with `near`); `geo` mirrors the meeting `place`.
  { collection: Collections.groups, name: 'geo', field: 'geo' },
];
