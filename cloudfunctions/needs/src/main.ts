/** Cloud function `needs`: the needs board (微心愿 / 邻里求助) and the time-bank offer board. */
import { claimNeed } from '../../_core/commands/needs/claim';
import { confirmNeed } from '../../_core/commands/needs/confirm';
import { declineAddressedNeed } from '../../_core/commands/needs/declineAddressed';
import { markNeedDone } from '../../_core/commands/needs/done';
import { getNeed } from '../../_core/commands/needs/get';
import { listNeeds } from '../../_core/commands/needs/list';
import { myNeeds } from '../../_core/commands/needs/mine';
import { postOffer } from '../../_core/commands/needs/offerPost';
import { listOffers } from '../../_core/commands/needs/offers';
import { withdrawOffer } from '../../_core/commands/needs/offerWithdraw';
import { postNeed } from '../../_core/commands/needs/post';
import { needQueue } from '../../_core/commands/needs/queue';
import { sweepNeeds } from '../../_core/commands/needs/sweep';
import { thankNeed } from '../../_core/commands/needs/thank';
import { withdrawNeed } from '../../_core/commands/needs/withdraw';
import { createHandler } from '../../_core/pipeline/createHandler';
import { needsActions } from '../../../src/shared/api/needs';

export const main = createHandler({
  fn: 'needs',
  contract: needsActions,
  actions: {
    'needs.post': async ({ actor, input, requestId, now }) => postNeed(actor, input, requestId!, now),
    'needs.list': async ({ actor, input, now }) => listNeeds(actor, input, now),
    'needs.get': async ({ actor, input, now }) => getNeed(actor, input.needId, now),
    'needs.claim': async ({ actor, input, now }) => claimNeed(actor, input, now),
    'needs.confirm': async ({ actor, input, now }) => confirmNeed(actor, input.needId, input.accept, now),
    'needs.done': async ({ actor, input, now }) => markNeedDone(actor, input, now),
    'needs.thank': async ({ actor, input, now }) => thankNeed(actor, input, now),
    'needs.withdraw': async ({ actor, input, now }) => withdrawNeed(actor, input.needId, now),
    'needs.declineAddressed': async ({ actor, input, now }) => declineAddressedNeed(actor, input.needId, now),
    'needs.mine': async ({ actor, input, now }) => myNeeds(actor, input.offset, input.limit, now),
    'needs.queue': async ({ actor, input, now }) => needQueue(actor, input.communityId, input.offset, input.limit, now),
    'needs.offerPost': async ({ actor, input, requestId, now }) => postOffer(actor, input, requestId!, now),
    'needs.offers': async ({ actor, input }) => listOffers(actor, input),
    'needs.offerWithdraw': async ({ actor, input, now }) => withdrawOffer(actor, input.offerId, now),
  },
  timers: { sweepNeeds: async (now) => sweepNeeds(now) },
});
