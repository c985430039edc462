/** Indexes of `seats` (its repository: seats.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.seats,
    name: 'activity_state',
    fields: [
      { field: 'activityId', type: 'string' },
      { field: 'state', type: 'string' },
    ],
  },
  { collection: Collections.seats, name: 'signup', fields: [{ field: 'signupId', type: 'string' }] },
];
