/** Indexes of `care_recipients` (its repository: careRecipients.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    // A community's register and its overdue list, due soonest first.
    collection: Collections.careRecipients,
    name: 'community_status_due',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'dueDay', type: 'string' },
    ],
  },
  {
    // The overdue timer: active people not yet flagged, due before today.
    collection: Collections.careRecipients,
    name: 'status_notified_due',
    fields: [
      { field: 'status', type: 'string' },
      { field: 'overdueNotified', type: 'bool' },
      { field: 'dueDay', type: 'string' },
    ],
  },
];
