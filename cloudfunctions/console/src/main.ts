/** Cloud function `console`: the staff console — audit log, dashboards, Excel exports. */
import { dashboard, exportWorkbook, searchAudit } from '../../_core/commands/console';
import { notifyFailuresSummary } from '../../_core/commands/notifyFailures';
import { createHandler } from '../../_core/runtime/createHandler';

export const main = createHandler({
  fn: 'console',
  actions: {
    'audit.search': async ({ actor, input }) => searchAudit(actor, input),
    'dashboard.summary': async ({ actor, input, now }) => dashboard(actor, input.regionId, input.year, now),
    'dashboard.export': async ({ actor, input, now }) =>
      exportWorkbook(actor, input.regionId, input.kind, now, { staffId: input.staffId, targetId: input.targetId, from: input.from, to: input.to }),
    'notifyFailures.summary': async ({ actor, input, now }) => notifyFailuresSummary(actor, input.regionId, now),
  },
});
