/** Indexes of `activities` (its repository: activities.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { GeoIndexDeclaration, IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.activities,
    name: 'group_start',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'community_status_start',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'street_status_start',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'community_status_category_start',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'category', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'community_status_isvolunteer_start',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'isVolunteer', type: 'bool' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'street_status_category_start',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'category', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'street_status_isvolunteer_start',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'isVolunteer', type: 'bool' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'status_start',
    fields: [
      { field: 'status', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'waitlist_start',
    fields: [
      { field: 'waitlistCount', type: 'number' },
      { field: 'startAt', type: 'date' },
    ],
  },
];

export const geoIndexes: GeoIndexDeclaration[] = [
  // Nearest-first activity lists (`activities.list` with `near`); `geo` mirrors `location`.
  { collection: Collections.activities, name: 'geo', field: 'geo' },
];
