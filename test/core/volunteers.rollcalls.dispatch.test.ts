/**
 * A roll-call to 2,000 volunteers as a background job, as a model test: a seeded random schedule
 * of slice runs, slices that crash midway (the notifier fails after some notices), runners that
 * die holding their lease, and stale runners re-running a slice they never committed — with the
 * invariants checked after every step: each matching (active, skilled, in the community)
 * volunteer has at most one notice and at most one subscribe message, nobody else has any, every
 * notice in the inbox went to WeChat, and the job's count is what was sent (give or take the one
 * slice in flight). At the end every one of the 2,000 is reached exactly once. The failing seed
 * is printed.
 */
import { createRollCall } from '../../cloudfunctions/_core/commands/volunteers/rollcallCreate';
import { getRollCall } from '../../cloudfunctions/_core/commands/volunteers/rollcallGet';
import { dispatchJobIdOf, rollCallJobsVia } from '../../cloudfunctions/_core/commands/volunteers/rollcallJobs';
import { notifier, type Notice, type Notifier, type Recipient } from '../../cloudfunctions/_core/ports/notify';
import { Collections } from '../../cloudfunctions/_core/repositories/collections';
import { claimJob, findJob, type JobDoc } from '../../cloudfunctions/_core/repositories/jobs';
import { findUser, userIdOf } from '../../cloudfunctions/_core/repositories/users';
import type { Actor } from '../../cloudfunctions/_core/pipeline/actor';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { advanceJob, LEASE_MS, MAX_ATTEMPTS } from '../../cloudfunctions/_core/jobs/jobRunner';
import { setLogSink } from '../../cloudfunctions/_core/runtime/log';
import { startCloudForCore } from '../support/coreAgainstCloud';
import { SeededRandom } from '../support/seededRandom';

const SEED = Number(process.env.ROLLCALL_SEED ?? 15_2_2026);
const MATCHING = 2000;
/** Notices one slice sends (rollCall.ts NOTIFY_SLICE): the most the inbox may run ahead of the count. */
const SLICE = 200;
/** Where the emulated WeChat keeps the subscribe messages it accepted (_local/wechat/emulatedWeChat.ts). */
const WECHAT_SENT = 'wx_subscribe_messages';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
let committee: Actor;
const openidOf = (i: number, group: string) => `rc-${group}-${String(i).padStart(4, '0')}`;
const matchingOpenids = new Set(Array.from({ length: MATCHING }, (_, i) => openidOf(i, 'yes')));

const logLines: string[] = [];
beforeAll(async () => {
  cloud = await startCloudForCore();
  setLogSink((line) => logLines.push(line));
  // Subscribe messages for roll-calls, so each notice also goes to the emulated WeChat, which keeps what it got.
  process.env.LINLI_TEMPLATE_ROLLCALL_ID = 'tpl-rollcall';
  const user = (await findUser(userIdOf('demo-committee')))!;
  committee = { userId: user._id, openid: user.openid, user, grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] };
  const now = new Date();
  const people = [
    ...Array.from({ length: MATCHING }, (_, i) => ({ openid: openidOf(i, 'yes'), status: 'active', community: 'cm-beiyuan', skills: ['急救', '驾驶'] })),
    ...Array.from({ length: 100 }, (_, i) => ({ openid: openidOf(i, 'gone'), status: 'withdrawn', community: 'cm-beiyuan', skills: ['急救'] })),
    ...Array.from({ length: 100 }, (_, i) => ({ openid: openidOf(i, 'away'), status: 'active', community: 'cm-taoyuan', skills: ['急救'] })),
    ...Array.from({ length: 100 }, (_, i) => ({ openid: openidOf(i, 'other'), status: 'active', community: 'cm-beiyuan', skills: ['摄影摄像'] })),
  ];
  const users = people.map((p) => ({ _id: userIdOf(p.openid), openid: p.openid, nickname: p.openid, homeCommunityId: p.community, createdAt: now }));
  const volunteers = people.map((p) => ({
    _id: userIdOf(p.openid),
    userId: userIdOf(p.openid),
    volunteerNo: p.openid,
    status: p.status,
    skills: p.skills,
    gridArea: null,
    homeCommunityId: p.community,
    registeredAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < people.length; i += 500) {
    await database().collection(Collections.users).add(users.slice(i, i + 500));
    await database().collection(Collections.volunteers).add(volunteers.slice(i, i + 500));
  }
});
afterAll(async () => {
  delete process.env.LINLI_TEMPLATE_ROLLCALL_ID;
  await cloud.close();
});

/** A notifier that sends `left` notices for real, then fails every one after (a crash midway). */
function failingAfter(left: number): Notifier {
  return {
    async notify(notice: Notice, recipient?: Recipient) {
      if (left-- <= 0) throw new Error('crashed midway');
      await notifier().notify(notice, recipient);
    },
  };
}

interface Observed {
  inboxOpenids: string[];
  sentOpenids: string[];
}

/** Every document of a collection matching `where`, a thousand at a time by id. */
async function everything<T extends { _id: string }>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const _ = database().command;
  const out: T[] = [];
  for (let after = ''; ; ) {
    const { data } = await database().collection(collection).where({ ...where, _id: _.gt(after) }).orderBy('_id', 'asc').limit(1000).get();
    out.push(...(data as T[]));
    if (data.length < 1000) return out;
    after = out.at(-1)!._id;
  }
}

async function observe(rollCallId: string): Promise<Observed> {
  const inbox = await everything<{ _id: string; userId: string }>(Collections.inbox, { link: `package-volunteer/rollcall/index?id=${rollCallId}` });
  const byUser = new Map([...matchingOpenids].map((o) => [userIdOf(o), o]));
  // What the emulated WeChat accepted (its dev route lists only the newest 500: read its collection).
  const sent = (await everything<{ _id: string; openid: string }>(WECHAT_SENT, { templateId: 'tpl-rollcall' })).map((m) => m.openid);
  return { inboxOpenids: inbox.map((n) => byUser.get(n.userId) ?? `stranger:${n.userId}`), sentOpenids: sent };
}

function checkInvariants(seen: Observed, job: JobDoc, step: string): void {
  const context = `seed ${SEED}, after ${step}`;
  const once = (list: string[]) => list.length === new Set(list).size;
  expect({ context, inboxOnce: once(seen.inboxOpenids), sentOnce: once(seen.sentOpenids) }).toEqual({ context, inboxOnce: true, sentOnce: true });
  expect({ context, strangers: seen.inboxOpenids.filter((o) => !matchingOpenids.has(o)) }).toEqual({ context, strangers: [] });
  // Every notice the inbox holds went to WeChat, and nothing else did.
  expect({ context, sent: [...seen.sentOpenids].sort() }).toEqual({ context, sent: [...seen.inboxOpenids].sort() });
  expect({ context, state: job.state === 'failed' ? job.error : 'ok' }).toEqual({ context, state: 'ok' });
  const count = seen.inboxOpenids.length;
  expect({ context, ok: job.done <= count && count <= job.done + SLICE && job.done <= job.total }).toEqual({ context, ok: true });
}

test(`a roll-call reaches the ${MATCHING} matching volunteers exactly once each, whatever slices crash, die or run twice`, async () => {
  const random = new SeededRandom(SEED);
  let now = new Date();
  const meetAt = new Date(now.getTime() + 3600_000);
  // A budget of 0: the call that creates it sends one slice; the schedule below does the rest.
  const created = await createRollCall(
    committee,
    { communityId: 'cm-beiyuan', title: '北门防汛', description: '北门低洼处需要装沙袋', skills: ['急救'], meetingPlace: '北苑北门岗亭', meetAt, needed: 30 },
    'rollcall-model-1',
    now,
    0,
  );
  expect(created.tally).toMatchObject({ notified: MATCHING, capped: false, dispatch: { state: 'running', done: SLICE, total: MATCHING } });
  const jobId = dispatchJobIdOf(created.id);
  const steps: string[] = [];
  let job = (await findJob(jobId))!;
  checkInvariants(await observe(created.id), job, 'create');

  for (let i = 0; i < 200 && !(job.state === 'done' && steps.length > 30); i += 1) {
    const roll = random.next();
    let step: string;
    if (roll < 0.4) {
      step = 'run';
      await advanceJob(jobId, rollCallJobsVia(notifier), { now: () => now, budgetMs: 0 });
    } else if (roll < 0.6 && job.attempts < MAX_ATTEMPTS - 1) {
      // The slice fails after some of its notices; its lease is let go and the try counted.
      const left = random.int(0, SLICE - 1);
      step = `crash after ${left}`;
      await advanceJob(jobId, rollCallJobsVia(() => failingAfter(left)), { now: () => now, budgetMs: 0 });
    } else if (roll < 0.75 && job.state !== 'done') {
      // A runner claims the slice, sends part of it and dies: its lease holds the job until it runs out.
      const left = random.int(0, SLICE);
      step = `die after ${left}`;
      const token = await claimJob(job, now, LEASE_MS);
      if (token) await rollCallJobsVia(() => failingAfter(left))['rollcall.notify']!.slice(job, now).catch(() => undefined);
      await advanceJob(jobId, rollCallJobsVia(notifier), { now: () => now, budgetMs: 0 });
      expect({ seed: SEED, done: (await findJob(jobId))!.done }).toEqual({ seed: SEED, done: job.done });
      now = new Date(now.getTime() + LEASE_MS);
    } else if (roll < 0.9) {
      // A stale runner runs the current slice again without a claim (its commit would be refused).
      step = 'stale rerun';
      await rollCallJobsVia(notifier)['rollcall.notify']!.slice(job, now);
    } else {
      // Staff watching the tally move it on too.
      step = 'staff look';
      await getRollCall(committee, created.id, now, 0);
    }
    steps.push(step);
    job = (await findJob(jobId))!;
    checkInvariants(await observe(created.id), job, `${steps.length}: ${step}`);
  }

  expect({ seed: SEED, state: job.state }).toEqual({ seed: SEED, state: 'done' });
  // The schedule went through every kind of step, and the failed slices were logged.
  expect({ seed: SEED, kinds: [...new Set(steps.map((s) => s.split(' ')[0]))].sort() }).toEqual({ seed: SEED, kinds: ['crash', 'die', 'run', 'staff', 'stale'] });
  // (A crash step after the job is done finds nothing to run, so fewer may have failed.)
  const failures = logLines.filter((line) => line.includes('"job_slice_failed"')).length;
  expect({ seed: SEED, logged: failures > 0 && failures <= steps.filter((s) => s.startsWith('crash')).length }).toEqual({ seed: SEED, logged: true });
  const final = await observe(created.id);
  expect(final.inboxOpenids.length).toBe(MATCHING);
  expect(new Set(final.inboxOpenids)).toEqual(matchingOpenids);
  expect(new Set(final.sentOpenids)).toEqual(matchingOpenids);
  expect(job).toMatchObject({ done: MATCHING, total: MATCHING });
  const view = await getRollCall(committee, created.id, now, 0);
  expect(view.rollCall.tally).toMatchObject({ notified: MATCHING, pending: MATCHING, dispatch: { state: 'done', done: MATCHING, total: MATCHING } });
});
