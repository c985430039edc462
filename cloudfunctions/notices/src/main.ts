/**
 * Cloud function `notices`: committee notices to every resident of a community (posted, edited as
 * drafts, withdrawn; read counts for staff), the home page's pin, and residents' consent to a
 * subscribe message — the messages themselves a background job on the timer, never in the post.
 */
import { checkNoticeImages } from '../../_core/commands/notices/checkImages';
import { dismissNotice } from '../../_core/commands/notices/dismiss';
import { getNotice } from '../../_core/commands/notices/get';
import { listNotices } from '../../_core/commands/notices/list';
import { pinnedNotices } from '../../_core/commands/notices/pinned';
import { postNotice } from '../../_core/commands/notices/post';
import { noticeReadCounts } from '../../_core/commands/notices/readCounts';
import { noticeJobs } from '../../_core/commands/notices/sendJob';
import { subscribeToNotices } from '../../_core/commands/notices/subscribe';
import { updateNotice } from '../../_core/commands/notices/update';
import { withdrawNotice } from '../../_core/commands/notices/withdraw';
import { jobBudgetMs, runDueJobs } from '../../_core/jobs/jobRunner';
import { createHandler } from '../../_core/pipeline/createHandler';
import { noticesActions } from '../../../src/shared/api/notices';
import { timerJobs } from '../../_core/pipeline/timerJobs';
import { recordLostMessages } from '../../_core/ports/notify';
import config from '../config.json';

/** Most of a timer run for the messages (the image checks are a few reads). */
const TIMER_BUDGET_MS = jobBudgetMs(config.timeout, 0.7);

export const main = createHandler({
  fn: 'notices',
  contract: noticesActions,
  actions: {
    'notices.post': async ({ actor, input, requestId, now }) => postNotice(actor, input, requestId!, now),
    'notices.update': async ({ actor, input, requestId, now }) => updateNotice(actor, input, requestId!, now),
    'notices.withdraw': async ({ actor, input, requestId, now }) => withdrawNotice(actor, input.noticeId, input.reason, requestId!, now),
    'notices.list': async ({ actor, input, now }) => listNotices(actor, input.communityId, input.offset, input.limit, now),
    'notices.get': async ({ actor, input, now }) => getNotice(actor, input.noticeId, now),
    'notices.readCounts': async ({ actor, input }) => noticeReadCounts(actor, input.noticeId),
    'notices.pinned': async ({ actor, now }) => pinnedNotices(actor, now),
    'notices.dismiss': async ({ actor, input, now }) => dismissNotice(actor, input.noticeId, now),
    'notices.subscribe': async ({ actor, now }) => subscribeToNotices(actor, now),
  },
  // CloudBase allows one timer trigger per function: `everyMinute` runs each job due by its own
  // schedule in config.json — the notices' subscribe messages, their images' checks and the
  // count of messages lost with their function.
  timers: timerJobs({
    trigger: config.triggers[0]!.name,
    schedules: config.jobs,
    run: {
      runJobs: async (now) => runDueJobs('notices', noticeJobs, { now: () => now, budgetMs: TIMER_BUDGET_MS }),
      checkImages: async () => checkNoticeImages(),
      // Subscribe messages lost with their function, counted for staff (ports/notify.ts).
      recordLostMessages: async (now) => recordLostMessages(now),
    },
  }),
});
