/**
 * The notices function's background job: a published notice's subscribe messages, sent in slices
 * (jobs/jobRunner.ts) on the function's timer — never inside the posting call.
 *
 * Each slice takes the next subscribers of the community (residents with an unused consent,
 * repositories/noticeSubscriptions.ts) by id after the job's cursor. For each: she must still live
 * in the community; the message is claimed (repositories/noticeSends.ts, one mark per notice per
 * resident, written before sending) — so a slice that runs again after a crash, or a second
 * runner, sends her nothing twice — then one consent is used and the message sent (a send that
 * fails before reaching WeChat gives both back, so the re-run sends it). Failures are
 * recorded in notify_failures by the port (ports/notify.ts). A notice withdrawn or expired
 * meanwhile sends nothing more.
 */
import { inParallel } from '../../runtime/inParallel';
import type { JobHandlers, SliceStep } from '../../jobs/jobRunner';
import { notifier, type Notice, type PhoneSender, type Recipient } from '../../ports/notify';
import { noticeLocaleOf } from '../../ports/noticeTexts';
import { noticeLinkOf } from '../../presenters/notices';
import type { JobDoc } from '../../repositories/jobs';
import { findNotice, type NoticeDoc } from '../../repositories/notices';
import { claimSend, releaseSend, sendIdOf, settleSend } from '../../repositories/noticeSends';
import { returnConsent, subscribersAfter, useConsent } from '../../repositories/noticeSubscriptions';
import { recipientsOf } from '../../repositories/users';
import { digest } from '../../runtime/hash';

/** The job kind that sends a notice's subscribe messages. */
export const NOTICE_SEND_JOB = 'notice.send';
/** Subscribers one slice handles: a few seconds of WeChat calls, SEND_WIDTH at once. */
export const NOTICE_SEND_SLICE = 200;
const SEND_WIDTH = 16;

/** The id of a notice's send job: derived, so publishing again (a retry) finds the same job. */
export function sendJobIdOf(noticeId: string): string {
  return `jn${digest('notice-send', noticeId).slice(0, 30)}`;
}

/** The notice as a catalogued notice kind (ports/noticeTexts.ts `notice`) for one resident. */
function phoneNotice(doc: NoticeDoc, userId: string): Notice {
  return {
    userId,
    kind: 'notice',
    params: { title: doc.title, body: doc.body, urgent: doc.urgent ? 1 : 0 },
    link: noticeLinkOf(doc._id),
    dedupeKey: sendIdOf(doc._id, userId),
  };
}

async function sendSlice(job: JobDoc, now: Date, via: () => PhoneSender): Promise<SliceStep> {
  const doc = await findNotice(String(job.params.noticeId));
  if (!doc || doc.status !== 'published' || doc.validUntil.getTime() <= now.getTime()) return { cursor: job.cursor, processed: 0, sliced: true };
  const subscribers = await subscribersAfter(doc.communityId, job.cursor, NOTICE_SEND_SLICE);
  const recipients = await recipientsOf(subscribers.map((s) => s.userId));
  await inParallel(subscribers, SEND_WIDTH, async ({ userId }) => {
    const user = recipients.get(userId);
    // Moved to another community since she consented, or no WeChat identity: not hers to get.
    if (!user?.openid || user.homeCommunityId !== doc.communityId) return;
    if (!(await claimSend(doc._id, userId, doc.communityId, now))) return;
    const sendId = sendIdOf(doc._id, userId);
    if (!(await useConsent(userId))) {
      await settleSend(sendId, 'skipped');
      return;
    }
    const recipient: Recipient = { openid: user.openid, locale: noticeLocaleOf(user), communityId: doc.communityId };
    let outcome: 'sent' | 'failed' | 'skipped';
    try {
      outcome = await via().sendToPhone(phoneNotice(doc, userId), recipient);
    } catch (error) {
      // The port answers WeChat's own refusals and timeouts itself (recorded, never thrown), so
      // what throws here failed before WeChat was called: the mark and consent go back for the re-run.
      await Promise.all([releaseSend(doc._id, userId), returnConsent(userId)]);
      throw error;
    }
    // Settled by what came of it, outside the try: a settle that fails must not let the mark go
    // (the re-run would send twice); it stays pending, and the sweep counts it as lost.
    await settleSend(sendId, outcome).catch(() => undefined);
  });
  return { cursor: subscribers.at(-1)?._id ?? job.cursor, processed: subscribers.length, sliced: subscribers.length < NOTICE_SEND_SLICE };
}

/** The notices jobs, sending through `via` (tests give a sender that fails on cue). */
export function noticeJobsVia(via: () => PhoneSender): JobHandlers {
  return { [NOTICE_SEND_JOB]: { slice: (job, now) => sendSlice(job, now, via) } };
}

/** The notices function's background jobs. */
export const noticeJobs: JobHandlers = noticeJobsVia(notifier);
