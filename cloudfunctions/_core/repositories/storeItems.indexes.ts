/** Indexes of `store_items`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  { collection: Collections.storeItems, name: 'community', fields: [{ field: 'communityId', type: 'string' }, { field: 'cost', type: 'number' }] },
];
