/**
 * The contract slice of the cloud function `inbox` (cloudfunctions/inbox/):
 * my notices and the unread badge.
 */
import { InboxListInput, InboxListOutput, InboxMarkReadInput, InboxMarkReadOutput } from '../schemas/inbox';
import { action, type ActionSpec } from './actionSpec';

export const inboxActions = {
  'inbox.list': action({
    fn: 'inbox',
    input: InboxListInput,
    output: InboxListOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'inbox.markRead': action({
    fn: 'inbox',
    input: InboxMarkReadInput,
    output: InboxMarkReadOutput,
    mutation: true,
    audience: 'signed-in',
  }),
} as const satisfies Record<string, ActionSpec>;
