/** Indexes of `notice_sends` (its repository: noticeSends.ts), gathered by indexes.ts. */
import { Collections } from './collections';
import type { IndexDeclaration } from './indexDeclaration';

export const indexes: IndexDeclaration[] = [{ collection: Collections.noticeSends, name: 'notice', fields: [{ field: 'noticeId', type: 'string' }] }];
