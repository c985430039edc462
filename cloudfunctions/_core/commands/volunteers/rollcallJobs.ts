/** The volunteers function's background jobs: a roll-call's notices, sent in slices (jobs/jobRunner.ts). */
import type { JobHandlers, SliceStep } from '../../jobs/jobRunner';
import { notifier, type Notice, type Notifier } from '../../ports/notify';
import type { JobDoc } from '../../repositories/jobs';
import { answersAfter, findRollCall, type RollCallDoc } from '../../repositories/rollCalls';
import { digest } from '../../runtime/hash';
import { linkOf, notifyEach } from './rollcallNotices';

/** The job kind that sends a roll-call's notices (the volunteers function's jobs). */
export const ROLLCALL_NOTIFY_JOB = 'rollcall.notify';
/** Notices one slice sends: a few seconds of WeChat calls at NOTIFY_WIDTH at once. */
const NOTIFY_SLICE = 200;

/** The id of a roll-call's notice job: derived, so a retried create finds the same job. */
export function dispatchJobIdOf(rollCallId: string): string {
  return `jn${digest('rollcall-notify', rollCallId).slice(0, 30)}`;
}

function callNotice(doc: RollCallDoc, userId: string): Notice {
  return {
    userId,
    kind: 'rollcall',
    params: { title: doc.title, meetAt: doc.meetAt.toISOString(), place: doc.meetingPlace, needed: doc.needed },
    link: linkOf(doc._id),
    dedupeKey: `rollcall-${doc._id}-${userId}`,
  };
}

/**
 * One slice of a roll-call's notices: the next answers by id (everyone called has one), each
 * notified once — the dedupe key makes a slice that runs again after a crash send nothing twice
 * (the inbox keeps one notice per key, and only a new one goes to WeChat: ports/notify.ts).
 * A roll-call closed meanwhile notifies no one more.
 */
async function notifySlice(job: JobDoc, via: () => Notifier): Promise<SliceStep> {
  const rollCallId = String(job.params.rollCallId);
  const doc = await findRollCall(rollCallId);
  if (!doc || doc.status !== 'open') return { cursor: job.cursor, processed: 0, sliced: true };
  const answers = await answersAfter(rollCallId, job.cursor, NOTIFY_SLICE);
  await notifyEach(
    answers.map((a) => a.userId),
    (userId) => callNotice(doc, userId),
    via(),
  );
  return { cursor: answers.at(-1)?._id ?? job.cursor, processed: answers.length, sliced: answers.length < NOTIFY_SLICE };
}

/** The roll-call jobs, sending through `via` (tests give a notifier that fails on cue). */
export function rollCallJobsVia(via: () => Notifier): JobHandlers {
  return { [ROLLCALL_NOTIFY_JOB]: { slice: (job) => notifySlice(job, via) } };
}

/** The volunteers function's background jobs. */
export const rollCallJobs: JobHandlers = rollCallJobsVia(notifier);
