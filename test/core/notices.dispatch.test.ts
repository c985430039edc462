/**
 * A committee notice's subscribe messages as a background job, as a model test: a seeded random
 * schedule of slice runs, slices that crash midway (the sender fails after some messages), runners
 * that die holding their lease, and stale runners re-running a slice they never committed — with
 * the invariants checked after every step: no resident gets a notice's message twice, nobody but
 * the community's subscribed residents gets one, every claimed message was sent, and each message
 * used exactly one of her consents. At the end every subscribed resident has exactly one. The
 * failing seed is printed.
 */
import { noticeJobsVia, sendJobIdOf, NOTICE_SEND_JOB, NOTICE_SEND_SLICE } from '../../cloudfunctions/_core/commands/notices/sendJob';
import { postNotice } from '../../cloudfunctions/_core/commands/notices/post';
import { advanceJob, LEASE_MS, MAX_ATTEMPTS } from '../../cloudfunctions/_core/jobs/jobRunner';
import type { Actor } from '../../cloudfunctions/_core/authz/actor';
import { notifier, type Notice, type PhoneSender, type Recipient } from '../../cloudfunctions/_core/ports/notify';
import { Collections } from '../../cloudfunctions/_core/repositories/collections';
import { claimJob, findJob, type JobDoc } from '../../cloudfunctions/_core/repositories/jobs';
import { findUser, userIdOf } from '../../cloudfunctions/_core/repositories/users';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { setLogSink } from '../../cloudfunctions/_core/runtime/log';
import { NoticesPostInput } from '../../src/shared/schemas/notices';
import { startCloudForCore } from '../support/coreAgainstCloud';
import { SeededRandom } from '../support/seededRandom';

const SEED = Number(process.env.NOTICE_SEED ?? 6_12_2026);
const SUBSCRIBED = 1000;
/** Where the emulated WeChat keeps the subscribe messages it accepted (_local/wechat/emulatedWeChat.ts). */
const WECHAT_SENT = 'wx_subscribe_messages';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
let committee: Actor;
const openidOf = (i: number, group: string) => `nd-${group}-${String(i).padStart(4, '0')}`;
const subscribed = new Set(Array.from({ length: SUBSCRIBED }, (_, i) => openidOf(i, 'yes')));

beforeAll(async () => {
  cloud = await startCloudForCore();
  setLogSink(() => undefined);
  // The emulated WeChat's record of messages exists once it took one: made now, so reading it before is empty, not an error.
  await database().createCollection(WECHAT_SENT);
  process.env.LINLI_TEMPLATE_NOTICE_ID = 'tpl-notice';
  const user = (await findUser(userIdOf('demo-committee')))!;
  committee = { userId: user._id, openid: user.openid, user, grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] };
  const now = new Date();
  const people = [
    ...Array.from({ length: SUBSCRIBED }, (_, i) => ({ openid: openidOf(i, 'yes'), home: 'cm-beiyuan', consented: 'cm-beiyuan', remaining: 1 + (i % 3) })),
    // Residents of another community, subscribed there.
    ...Array.from({ length: 60 }, (_, i) => ({ openid: openidOf(i, 'away'), home: 'cm-nanhu', consented: 'cm-nanhu', remaining: 1 })),
    // Consented in this community, then moved away.
    ...Array.from({ length: 40 }, (_, i) => ({ openid: openidOf(i, 'moved'), home: 'cm-dongmen', consented: 'cm-beiyuan', remaining: 1 })),
    // Residents whose consents are used up.
    ...Array.from({ length: 40 }, (_, i) => ({ openid: openidOf(i, 'used'), home: 'cm-beiyuan', consented: 'cm-beiyuan', remaining: 0 })),
  ];
  const users = people.map((p) => ({ _id: userIdOf(p.openid), openid: p.openid, nickname: p.openid, homeCommunityId: p.home, locale: 'zh-CN', createdAt: now, updatedAt: now }));
  const consents = people.map((p) => ({ _id: userIdOf(p.openid), userId: userIdOf(p.openid), communityId: p.consented, remaining: p.remaining, updatedAt: now }));
  for (let i = 0; i < people.length; i += 500) {
    await database().collection(Collections.users).add(users.slice(i, i + 500));
    await database().collection(Collections.noticeSubscriptions).add(consents.slice(i, i + 500));
  }
});
afterAll(async () => {
  delete process.env.LINLI_TEMPLATE_NOTICE_ID;
  await cloud.close();
});

/** A sender that sends `left` messages for real, then fails every one after (a crash midway, before WeChat is called). */
function failingAfter(left: number): PhoneSender {
  return {
    async sendToPhone(notice: Notice, recipient?: Recipient) {
      if (left-- <= 0) throw new Error('crashed midway');
      return notifier().sendToPhone(notice, recipient);
    },
  };
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

interface Observed {
  sent: string[];
  claimed: number;
  consentsUsed: number;
  /** Marks whose message has no outcome yet (only a runner killed mid-send leaves one: counted lost later). */
  pending: number;
}

async function observe(noticeId: string, initial: Map<string, number>): Promise<Observed> {
  const sent = (await everything<{ _id: string; openid: string; page: string }>(WECHAT_SENT, { templateId: 'tpl-notice' }))
    .filter((m) => m.page.endsWith(`id=${noticeId}`))
    .map((m) => m.openid);
  const claimed = (await database().collection(Collections.noticeSends).where({ noticeId }).count()).total;
  const pending = (await database().collection(Collections.noticeSends).where({ noticeId, phone: 'pending' }).count()).total;
  const now = await everything<{ _id: string; remaining: number }>(Collections.noticeSubscriptions, {});
  const consentsUsed = now.reduce((sum, c) => sum + (initial.get(c._id)! - c.remaining), 0);
  return { sent, claimed, consentsUsed, pending };
}

function checkInvariants(seen: Observed, job: JobDoc, step: string): void {
  const context = `seed ${SEED}, after ${step}`;
  expect({ context, once: seen.sent.length === new Set(seen.sent).size }).toEqual({ context, once: true });
  expect({ context, strangers: seen.sent.filter((o) => !subscribed.has(o)) }).toEqual({ context, strangers: [] });
  // Every claim is a message WeChat took, and every message used one consent.
  expect({ context, claimed: seen.claimed, used: seen.consentsUsed }).toEqual({ context, claimed: seen.sent.length, used: seen.sent.length });
  // Every failure here comes before WeChat is called (its mark goes back): no message is left without an outcome.
  expect({ context, pending: seen.pending }).toEqual({ context, pending: 0 });
  expect({ context, state: job.state === 'failed' ? job.error : 'ok' }).toEqual({ context, state: 'ok' });
}

test(`a notice reaches its ${SUBSCRIBED} subscribed residents exactly once each, whatever slices crash, die or run twice`, async () => {
  const random = new SeededRandom(SEED);
  let now = new Date();
  const initial = new Map((await everything<{ _id: string; remaining: number }>(Collections.noticeSubscriptions, {})).map((c) => [c._id, c.remaining]));
  const notice = await postNotice(
    committee,
    NoticesPostInput.parse({ communityId: 'cm-beiyuan', title: '明天停水', body: '管网维修，明天白天停水。', kind: 'water_power', validUntil: new Date(now.getTime() + 86_400_000).toISOString() }),
    'notice-model-0001',
    now,
  );
  const jobId = sendJobIdOf(notice.id);
  let job = (await findJob(jobId))!;
  // The post only queued the job: nothing is sent in the posting call.
  expect(job).toMatchObject({ state: 'queued', done: 0, total: SUBSCRIBED + 40 });
  checkInvariants(await observe(notice.id, initial), job, 'post');
  expect((await observe(notice.id, initial)).sent).toEqual([]);

  const steps: string[] = [];
  const slice = (via: () => PhoneSender) => noticeJobsVia(via)[NOTICE_SEND_JOB]!.slice(job, now);
  for (let i = 0; i < 200 && !(job.state === 'done' && steps.length > 25); i += 1) {
    // The first steps are one of each failure (the job is done in a handful of slices); then the seeded schedule.
    const roll = [0.65, 0.5, 0.8][i] ?? random.next();
    let step: string;
    if (roll < 0.4) {
      step = 'run';
      await advanceJob(jobId, noticeJobsVia(notifier), { now: () => now, budgetMs: 0 });
    } else if (roll < 0.6 && job.attempts < MAX_ATTEMPTS - 1) {
      const left = random.int(0, NOTICE_SEND_SLICE - 1);
      step = `crash after ${left}`;
      await advanceJob(jobId, noticeJobsVia(() => failingAfter(left)), { now: () => now, budgetMs: 0 });
    } else if (roll < 0.75 && job.state !== 'done') {
      // A runner claims the slice, sends part of it and dies: its lease holds the job until it runs out.
      const left = random.int(0, NOTICE_SEND_SLICE);
      step = `die after ${left}`;
      const token = await claimJob(job, now, LEASE_MS);
      if (token) await slice(() => failingAfter(left)).catch(() => undefined);
      await advanceJob(jobId, noticeJobsVia(notifier), { now: () => now, budgetMs: 0 });
      expect({ seed: SEED, done: (await findJob(jobId))!.done }).toEqual({ seed: SEED, done: job.done });
      now = new Date(now.getTime() + LEASE_MS);
    } else {
      // A stale runner runs the current slice again without a claim (its commit would be refused).
      step = 'stale rerun';
      await slice(notifier);
    }
    steps.push(step);
    job = (await findJob(jobId))!;
    checkInvariants(await observe(notice.id, initial), job, `${steps.length}: ${step}`);
  }

  expect({ seed: SEED, state: job.state }).toEqual({ seed: SEED, state: 'done' });
  expect({ seed: SEED, kinds: [...new Set(steps.map((s) => s.split(' ')[0]))].sort() }).toEqual({ seed: SEED, kinds: ['crash', 'die', 'run', 'stale'] });
  const final = await observe(notice.id, initial);
  expect(new Set(final.sent)).toEqual(subscribed);
  expect(final.sent).toHaveLength(SUBSCRIBED);
  // Running the finished job again sends nothing more.
  await advanceJob(jobId, noticeJobsVia(notifier), { now: () => now, budgetMs: 0 });
  expect((await observe(notice.id, initial)).sent).toHaveLength(SUBSCRIBED);
});
