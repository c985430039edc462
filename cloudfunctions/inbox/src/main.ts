/** Cloud function `inbox`: my notices and the unread badge. */
import { listInbox } from '../../_core/commands/inbox/list';
import { markInboxRead } from '../../_core/commands/inbox/markRead';
import { createHandler } from '../../_core/pipeline/createHandler';
import { inboxActions } from '../../../src/shared/api/inbox';

export const main = createHandler({
  fn: 'inbox',
  contract: inboxActions,
  actions: {
    'inbox.list': async ({ actor, input, now }) => listInbox(actor, input.offset, input.limit, now),
    'inbox.markRead': async ({ actor, input, now }) => markInboxRead(actor, input.ids, now),
  },
});
