/** Indexes of `care_pairs` (its repository: carePairs.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  {
    // A person's pairings.
    collection: Collections.carePairs,
    name: 'recipient_paired',
    fields: [
      { field: 'recipientId', type: 'string' },
      { field: 'pairedAt', type: 'date' },
    ],
  },
  {
    // A volunteer's (and her groups') people: "我的结对", and who may see a person.
    collection: Collections.carePairs,
    name: 'party_status',
    fields: [
      { field: 'partyId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
];
