/** Indexes of `signups` (its repository: signups.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    collection: Collections.signups,
    name: 'activity_status_seq',
    fields: [
      { field: 'activityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'waitSeq', type: 'number' },
    ],
  },
  {
    collection: Collections.signups,
    name: 'user_status_start',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    // The inbox's view of a resident's own sign-ups (what each one came to, told on the sign-up).
    collection: Collections.signups,
    name: 'user_told',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'told.at', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.signups,
    name: 'status_offer_expiry',
    fields: [
      { field: 'status', type: 'string' },
      { field: 'offerExpiresAt', type: 'date' },
    ],
  },
  {
    collection: Collections.signups,
    name: 'user_group_status',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'groupId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
];
