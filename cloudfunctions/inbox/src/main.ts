/** Cloud function `inbox`: my notices and the unread badge. */
import { listInbox, markInboxRead } from '../../_core/commands/inbox';
import { createHandler } from '../../_core/pipeline/createHandler';

export const main = createHandler({
  fn: 'inbox',
  actions: {
    'inbox.list': async ({ actor, input }) => listInbox(actor, input.offset, input.limit),
    'inbox.markRead': async ({ actor, input, now }) => markInboxRead(actor, input.ids, now),
  },
});
