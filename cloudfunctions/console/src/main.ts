/** Cloud function `console`: the staff console — audit log, dashboards, Excel exports (background jobs). */
import { dashboard } from '../../_core/commands/console/dashboard';
import { consoleJobs } from '../../_core/commands/console/exportJob';
import { exportProgress } from '../../_core/commands/console/exportProgress';
import { notifyFailuresSummary } from '../../_core/commands/console/notifyFailures';
import { searchAudit } from '../../_core/commands/console/searchAudit';
import { startExport } from '../../_core/commands/console/startExport';
import { createHandler } from '../../_core/pipeline/createHandler';
import { consoleActions } from '../../../src/shared/api/console';
import { jobBudgetMs, runDueJobs } from '../../_core/jobs/jobRunner';
import { timerJobs } from '../../_core/pipeline/timerJobs';
import config from '../config.json';

/** Half the function's time on export slices in a call, the rest for the answer; most of it on the timer. */
const CALL_BUDGET_MS = jobBudgetMs(config.timeout, 0.5);
const TIMER_BUDGET_MS = jobBudgetMs(config.timeout, 0.7);

export const main = createHandler({
  fn: 'console',
  contract: consoleActions,
  actions: {
    'audit.search': async ({ actor, input }) => searchAudit(actor, input),
    'dashboard.summary': async ({ actor, input, now }) => dashboard(actor, input.regionId, input.year, now),
    'dashboard.export': async ({ actor, input, requestId, now }) => startExport(actor, input, requestId!, now, CALL_BUDGET_MS),
    'exports.get': async ({ actor, input, now }) => exportProgress(actor, input.jobId, now, CALL_BUDGET_MS),
    'notifyFailures.summary': async ({ actor, input, now }) => notifyFailuresSummary(actor, input.regionId, now),
  },
  // CloudBase allows one timer trigger per function: `everyMinute` runs each job due by its own
  // schedule in config.json (runJobs: the exports nobody is watching go on to the end).
  timers: timerJobs({
    trigger: config.triggers[0]!.name,
    schedules: config.jobs,
    run: { runJobs: async (now) => runDueJobs('console', consoleJobs, { now: () => now, budgetMs: TIMER_BUDGET_MS }) },
  }),
});
