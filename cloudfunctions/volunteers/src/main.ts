/** Cloud function `volunteers`: registration, the hour book and emergency roll-calls (their notices a background job). */
import { activityHours } from '../../_core/commands/volunteers/hoursActivity';
import { confirmHours } from '../../_core/commands/volunteers/hoursConfirm';
import { myHours } from '../../_core/commands/volunteers/hoursMine';
import { hoursQueue } from '../../_core/commands/volunteers/hoursQueue';
import { requestCorrection } from '../../_core/commands/volunteers/hoursRequestCorrection';
import { reviewSelfReport } from '../../_core/commands/volunteers/hoursReview';
import { reviewCorrection } from '../../_core/commands/volunteers/hoursReviewCorrection';
import { selfReport } from '../../_core/commands/volunteers/hoursSelfReport';
import { closeRollCall } from '../../_core/commands/volunteers/rollcallClose';
import { createRollCall } from '../../_core/commands/volunteers/rollcallCreate';
import { getRollCall } from '../../_core/commands/volunteers/rollcallGet';
import { rollCallJobs } from '../../_core/commands/volunteers/rollcallJobs';
import { listRollCalls } from '../../_core/commands/volunteers/rollcallList';
import { respondToRollCall } from '../../_core/commands/volunteers/rollcallRespond';
import { volunteerByNo } from '../../_core/commands/volunteers/get';
import { myVolunteerProfile } from '../../_core/commands/volunteers/me';
import { registerVolunteer } from '../../_core/commands/volunteers/register';
import { updateVolunteer } from '../../_core/commands/volunteers/update';
import { withdrawVolunteer } from '../../_core/commands/volunteers/withdraw';
import { createHandler } from '../../_core/pipeline/createHandler';
import { volunteersActions } from '../../../src/shared/api/volunteers';
import { jobBudgetMs, runDueJobs } from '../../_core/jobs/jobRunner';
import { timerJobs } from '../../_core/pipeline/timerJobs';
import config from '../config.json';

/** Half the function's time on a roll-call's notices in a call, the rest for the answer; most of it on the timer. */
const CALL_BUDGET_MS = jobBudgetMs(config.timeout, 0.5);
const TIMER_BUDGET_MS = jobBudgetMs(config.timeout, 0.7);

export const main = createHandler({
  fn: 'volunteers',
  contract: volunteersActions,
  actions: {
    'volunteers.register': async ({ actor, input, now }) => registerVolunteer(actor, input, now),
    'volunteers.me': async ({ actor, now }) => ({ profile: await myVolunteerProfile(actor, now) }),
    'volunteers.update': async ({ actor, input, now }) => updateVolunteer(actor, input, now),
    'volunteers.withdraw': async ({ actor, now }) => {
      await withdrawVolunteer(actor, now);
      return { withdrawn: true };
    },
    'volunteers.get': async ({ actor, input, now }) => volunteerByNo(actor, input.volunteerNo, now),
    'hours.mine': async ({ actor, input }) => myHours(actor, input.offset, input.limit),
    'hours.activity': async ({ actor, input, now }) => activityHours(actor, input.activityId, now),
    'hours.confirm': async ({ actor, input, now }) => confirmHours(actor, input, now),
    'hours.selfReport': async ({ actor, input, requestId, now }) => selfReport(actor, input, requestId!, now),
    'hours.review': async ({ actor, input, now }) => reviewSelfReport(actor, input.recordId, input.approve, input.reason, now),
    'hours.requestCorrection': async ({ actor, input, now }) => ({ correctionId: await requestCorrection(actor, input.recordId, input.minutes, input.reason, now) }),
    'hours.reviewCorrection': async ({ actor, input, now }) => reviewCorrection(actor, input.correctionId, input.approve, input.reason, now),
    'hours.queue': async ({ actor, input, now }) => hoursQueue(actor, input.offset, input.limit, now),
    'rollcalls.create': async ({ actor, input, requestId, now }) => createRollCall(actor, input, requestId!, now, CALL_BUDGET_MS),
    'rollcalls.respond': async ({ actor, input, now }) => respondToRollCall(actor, input, now),
    'rollcalls.get': async ({ actor, input, now }) => getRollCall(actor, input.rollCallId, now, CALL_BUDGET_MS),
    'rollcalls.list': async ({ actor, input }) => listRollCalls(actor, input),
    'rollcalls.close': async ({ actor, input, requestId, now }) => closeRollCall(actor, input.rollCallId, requestId!, now),
  },
  // CloudBase allows one timer trigger per function: `everyMinute` runs each job due by its own
  // schedule in config.json (runJobs: a big roll-call's notices go on even if nobody watches).
  timers: timerJobs({
    trigger: config.triggers[0]!.name,
    schedules: config.jobs,
    run: { runJobs: async (now) => runDueJobs('volunteers', rollCallJobs, { now: () => now, budgetMs: TIMER_BUDGET_MS }) },
  }),
});
