/** Cloud function `credits`: the credit ledger, community settings and the points store. */
import { adjustCredits } from '../../_core/commands/credits/adjust';
import { cancelRedemption } from '../../_core/commands/credits/cancel';
import { communityRedemptions } from '../../_core/commands/credits/communityRedemptions';
import { donateCredits } from '../../_core/commands/credits/donate';
import { expireCredits } from '../../_core/commands/credits/expire';
import { fulfil } from '../../_core/commands/credits/fulfil';
import { grantCredits } from '../../_core/commands/credits/grant';
import { storeItems } from '../../_core/commands/credits/items';
import { myCredits } from '../../_core/commands/credits/mine';
import { myRedemptions } from '../../_core/commands/credits/myRedemptions';
import { communityPool } from '../../_core/commands/credits/pool';
import { communityPostings } from '../../_core/commands/credits/postings';
import { redeem } from '../../_core/commands/credits/redeem';
import { saveItem } from '../../_core/commands/credits/saveItem';
import { transferCredits } from '../../_core/commands/credits/transfer';
import { updateSettings } from '../../_core/commands/credits/updateSettings';
import { createHandler } from '../../_core/pipeline/createHandler';
import { creditsActions } from '../../../src/shared/api/credits';

export const main = createHandler({
  fn: 'credits',
  contract: creditsActions,
  actions: {
    'credits.mine': async ({ actor, input, now }) => myCredits(actor, input.offset, input.limit, now),
    'credits.transfer': async ({ actor, input, requestId, now }) => transferCredits(actor, input.toVolunteerNo, input.amount, input.note, requestId!, now),
    'credits.donate': async ({ actor, input, requestId, now }) => donateCredits(actor, input.amount, requestId!, now),
    'credits.grant': async ({ actor, input, requestId, now }) => grantCredits(actor, input, requestId!, now),
    'credits.adjust': async ({ actor, input, requestId, now }) => adjustCredits(actor, input, requestId!, now),
    'credits.pool': async ({ actor, input }) => communityPool(actor, input.communityId),
    'credits.postings': async ({ actor, input }) => communityPostings(actor, input.communityId, input.offset, input.limit),
    'volunteerSettings.update': async ({ actor, input, requestId, now }) => updateSettings(actor, input, requestId!, now),
    'store.items': async ({ actor, input }) => storeItems(actor, input.communityId),
    'store.saveItem': async ({ actor, input, requestId, now }) => saveItem(actor, input, requestId!, now),
    'store.redeem': async ({ actor, input, requestId, now }) => redeem(actor, input.itemId, requestId!, now),
    'store.mine': async ({ actor, input }) => myRedemptions(actor, input.offset, input.limit),
    'store.redemptions': async ({ actor, input }) => communityRedemptions(actor, input.communityId, input.state, input.offset, input.limit),
    'store.fulfil': async ({ actor, input, now }) => fulfil(actor, input.communityId, input.pickupCode, now),
    'store.cancel': async ({ actor, input, now }) => cancelRedemption(actor, input.redemptionId, now),
  },
  timers: {
    expireCredits: async (now) => expireCredits(now),
  },
});
