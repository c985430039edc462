/** Indexes of `needs`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  // The board: a community's needs, open first, newest first.
  {
    collection: Collections.needs,
    name: 'community_board',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'boardRank', type: 'number' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  // "My needs": a resident's own, and those a volunteer or group took on.
  { collection: Collections.needs, name: 'resident_time', fields: [{ field: 'userId', type: 'string' }, { field: 'createdAt', type: 'date', direction: -1 }] },
  // …and those addressed to a neighbour from her time-bank offer.
  { collection: Collections.needs, name: 'addressee_time', fields: [{ field: 'addressedTo.userId', type: 'string' }, { field: 'createdAt', type: 'date', direction: -1 }] },
  { collection: Collections.needs, name: 'claimer_time', fields: [{ field: 'claim.id', type: 'string' }, { field: 'createdAt', type: 'date', direction: -1 }] },
  // The timer: needs past their day, open ones long unclaimed, done ones unanswered.
  { collection: Collections.needs, name: 'state_due', fields: [{ field: 'state', type: 'string' }, { field: 'dueAt', type: 'date' }] },
  { collection: Collections.needs, name: 'state_created', fields: [{ field: 'state', type: 'string' }, { field: 'createdAt', type: 'date' }] },
  { collection: Collections.needs, name: 'state_done', fields: [{ field: 'state', type: 'string' }, { field: 'doneAt', type: 'date' }] },
  // The dashboard: a region's needs (figures are grouped by community).
  { collection: Collections.needs, name: 'street_time', fields: [{ field: 'streetId', type: 'string' }, { field: 'createdAt', type: 'date' }] },
  { collection: Collections.needs, name: 'county_time', fields: [{ field: 'countyId', type: 'string' }, { field: 'createdAt', type: 'date' }] },
];
