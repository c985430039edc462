/** Indexes of `notice_reads` (its repository: noticeReads.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [
  // A notice's read count (her own marks are read by their derived ids).
  { collection: Collections.noticeReads, name: 'notice', fields: [{ field: 'noticeId', type: 'string' }] },
];
