/** Indexes of `media_checks`, gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  // A pushed image verdict finds its submission by WeChat's trace id.
  { collection: Collections.mediaChecks, name: 'trace', fields: [{ field: 'traceId', type: 'string' }] },
];
