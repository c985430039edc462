/** Indexes of `regions` (its repository: regions.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  { collection: Collections.regions, name: 'parent', fields: [{ field: 'parentId', type: 'string' }] },
];
