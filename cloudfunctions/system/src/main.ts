/** Cloud function `system`: housekeeping on timers; it serves no client action. */
import { sweepExpiredRequests } from '../../_core/runtime/idempotency';
import { sweepExpiredRateLimits } from '../../_core/runtime/rateLimit';
import { createHandler } from '../../_core/runtime/createHandler';

export const main = createHandler({
  fn: 'system',
  actions: {},
  timers: {
    sweepExpired: async (now) => ({
      idempotency: await sweepExpiredRequests(now),
      rateLimits: await sweepExpiredRateLimits(now),
    }),
  },
});
