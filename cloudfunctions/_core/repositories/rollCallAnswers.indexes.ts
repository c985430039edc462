/** Indexes of `roll_call_answers` (its repository: rollCalls.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  // The tally (counts by answer) and the list of those coming.
  {
    collection: Collections.rollCallAnswers,
    name: 'rollcall_answer',
    fields: [
      { field: 'rollCallId', type: 'string' },
      { field: 'answer', type: 'string' },
    ],
  },
  // A volunteer's roll-calls, newest first.
  {
    collection: Collections.rollCallAnswers,
    name: 'user_time',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'notifiedAt', type: 'date', direction: -1 },
    ],
  },
];
