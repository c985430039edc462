/** Cloud function `care`: the register of people served (with recorded consent), pairing (结对) and visit logs; its timer flags overdue visits. */
import { closeRecipient } from '../../_core/commands/care/close';
import { flagOverdue } from '../../_core/commands/care/flagOverdue';
import { getRecipient } from '../../_core/commands/care/get';
import { listRecipients } from '../../_core/commands/care/list';
import { logVisit } from '../../_core/commands/care/logVisit';
import { myPairs } from '../../_core/commands/care/myPairs';
import { overdueList } from '../../_core/commands/care/overdue';
import { pairWithRecipient } from '../../_core/commands/care/pair';
import { registerRecipient } from '../../_core/commands/care/register';
import { unpair } from '../../_core/commands/care/unpair';
import { updateRecipientRecord } from '../../_core/commands/care/update';
import { visitsOf } from '../../_core/commands/care/visits';
import { createHandler } from '../../_core/pipeline/createHandler';
import { careActions } from '../../../src/shared/api/care';
import config from '../config.json';

export const main = createHandler({
  fn: 'care',
  contract: careActions,
  actions: {
    'care.register': async ({ actor, input, requestId, now }) => registerRecipient(actor, input, requestId!, now),
    'care.update': async ({ actor, input, requestId, now }) => updateRecipientRecord(actor, input, requestId!, now),
    'care.close': async ({ actor, input, requestId, now }) => closeRecipient(actor, input, requestId!, now),
    'care.list': async ({ actor, input, now }) => listRecipients(actor, input, now),
    'care.get': async ({ actor, input, now }) => getRecipient(actor, input.recipientId, now),
    'care.pair': async ({ actor, input, requestId, now }) => pairWithRecipient(actor, input, requestId!, now),
    'care.unpair': async ({ actor, input, requestId, now }) => unpair(actor, input, requestId!, now),
    'care.logVisit': async ({ actor, input, requestId, now }) => logVisit(actor, input, requestId!, now),
    'care.visits': async ({ actor, input }) => visitsOf(actor, input),
    'care.myPairs': async ({ actor, now }) => myPairs(actor, now),
    'care.overdue': async ({ actor, input, now }) => overdueList(actor, input, now),
  },
  // One timer trigger (CloudBase allows one per function): hourly, and idempotent per person and due day.
  timers: { [config.triggers[0]!.name]: async (now) => flagOverdue(now) },
});
