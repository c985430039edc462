/** Cloud function `activities`: posting, editing, discovery; timers for offers and reminders. */
import { cancelActivity } from '../../_core/commands/activities/cancel';
import { createActivities } from '../../_core/commands/activities/create';
import { getActivityDetail } from '../../_core/commands/activities/get';
import { listActivities } from '../../_core/commands/activities/list';
import { updateActivity } from '../../_core/commands/activities/update';
import { moveOffers } from '../../_core/commands/activities/moveOffers';
import { sendReminders } from '../../_core/commands/activities/sendReminders';
import { reconcileActivity } from '../../_core/commands/activities/reconcile';
import { activityPoster } from '../../_core/commands/activities/poster';
import { createHandler } from '../../_core/pipeline/createHandler';
import { activitiesActions } from '../../../src/shared/api/activities';
import { timerJobs } from '../../_core/pipeline/timerJobs';
import config from '../config.json';

export const main = createHandler({
  fn: 'activities',
  contract: activitiesActions,
  actions: {
    'activities.create': async ({ actor, input, requestId, now }) => {
      const ids = await createActivities(actor, input, requestId!, now);
      return { ids, first: await getActivityDetail(actor, ids[0]!) };
    },
    'activities.update': async ({ actor, input, now }) => {
      await updateActivity(actor, input, now);
      return getActivityDetail(actor, input.activityId);
    },
    'activities.cancel': async ({ actor, input, now }) => {
      await cancelActivity(actor, input.activityId, input.reason, now);
      return getActivityDetail(actor, input.activityId);
    },
    'activities.list': async ({ actor, input, now }) => listActivities(actor, input, now),
    'activities.get': async ({ actor, input }) => getActivityDetail(actor, input.activityId),
    'activities.poster': async ({ actor, input }) => activityPoster(actor, input.activityId),
    'activities.reconcile': async ({ actor, input, requestId, now }) => reconcileActivity(actor, input.activityId, input.fix, requestId!, now),
  },
  // CloudBase allows one timer trigger per function: `everyMinute` runs each job when the job's
  // own schedule in config.json is due (expireOffers every minute, sendReminders every 5).
  timers: timerJobs({
    trigger: config.triggers[0]!.name,
    schedules: config.jobs,
    run: {
      // Offers past their window pass on, and free seats reach the people waiting.
      expireOffers: async (now) => moveOffers(now),
      sendReminders: async (now) => sendReminders(now),
    },
  }),
});
