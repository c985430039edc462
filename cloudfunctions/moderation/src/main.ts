/** Cloud function `moderation`: reports, the review queue, decisions with notices, appeals. */
import { appealCase } from '../../_core/commands/moderation/appeal';
import { decideCase } from '../../_core/commands/moderation/decide';
import { decideAppeal } from '../../_core/commands/moderation/decideAppeal';
import { myCases } from '../../_core/commands/moderation/mine';
import { moderationQueue } from '../../_core/commands/moderation/queue';
import { reportItem } from '../../_core/commands/moderation/report';
import { createHandler } from '../../_core/pipeline/createHandler';
import { moderationActions } from '../../../src/shared/api/moderation';

export const main = createHandler({
  fn: 'moderation',
  contract: moderationActions,
  actions: {
    'reports.create': async ({ actor, input, now }) => reportItem(actor, input, now),
    'moderation.queue': async ({ actor, input }) => moderationQueue(actor, input.state, input.offset, input.limit),
    'moderation.decide': async ({ actor, input, requestId, now }) => {
      await decideCase(actor, input.caseId, input.action, input.reason, requestId!, now);
      return { decided: true };
    },
    'moderation.appeal': async ({ actor, input, now }) => {
      await appealCase(actor, input.caseId, input.text, now);
      return { appealed: true };
    },
    'moderation.decideAppeal': async ({ actor, input, requestId, now }) => {
      await decideAppeal(actor, input.caseId, input.uphold, input.reason, requestId!, now);
      return { decided: true };
    },
    'moderation.mine': async ({ actor }) => myCases(actor),
  },
});
