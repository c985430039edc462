/** Cloud function `system`: housekeeping on timers; it serves no client action. */
import { sweepExpiredRequests } from '../../_core/pipeline/idempotency';
import { sweepExpiredRateLimits } from '../../_core/pipeline/rateLimit';
import { createHandler } from '../../_core/pipeline/createHandler';
import { systemActions } from '../../../src/shared/api/system';

export const main = createHandler({
  fn: 'system',
  contract: systemActions,
  actions: {},
  timers: {
    sweepExpired: async (now) => ({
      idempotency: await sweepExpiredRequests(now),
      rateLimits: await sweepExpiredRateLimits(now),
    }),
  },
});
