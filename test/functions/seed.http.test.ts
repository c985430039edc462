/**
 * The demo seed shows the product on any day: upcoming activities (seats, a full one with a
 * waitlist, a volunteer one) that follow the seat model, a recent announcement, and a pending
 * application and a report in the committee's queues; a second start writes nothing and a
 * start a week later adds the next week beside the first, leaving it as it was.
 *
 * Spans functions by nature (issue 17): the demo seed is written by the local cloud's start
 * (cloudfunctions/_local/seed), no deployed function, and read through activities, groups, posts,
 * signups and moderation, so it keeps its own name.
 */
import { demoActivities, demoActivityId } from '../../cloudfunctions/_local/seed/communityDemo';
import type { ActivityCard } from '../../src/shared/schemas/activities';
import type { CaseView } from '../../src/shared/schemas/moderation';
import type { PostView } from '../../src/shared/schemas/posts';
import { snapshotDatabase } from '../support/dbSnapshot';
import { Client, dataOf as data, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

const DAY = 24 * 3600_000;
// Pinned for every start of this suite, so a start on either side of midnight reads one "today".
const now = new Date();
const seedEnv = (at: Date) => ({ LINLI_SEED_NOW: at.toISOString() });

let cloud: RunningCloud;
beforeAll(async () => {
  cloud = await startCloud({ env: seedEnv(now) });
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

interface Reconciled {
  counters: { stored: Record<string, number>; actual: Record<string, number> };
  capacity: number;
  seats: number;
  problems: unknown[];
}

/** The repair check finds nothing to repair: seats, sign-ups and counters agree. */
async function expectConsistent(committee: Client, activityId: string): Promise<Reconciled> {
  const report = await data<Reconciled>(committee.call('activities', 'activities.reconcile', { activityId, fix: false }));
  expect({ activityId, problems: report.problems, seats: report.seats }).toEqual({ activityId, problems: [], seats: report.capacity });
  expect(report.counters.stored).toEqual(report.counters.actual);
  return report;
}

test('a first-time visitor meets upcoming activities, an announcement, and the committee has work waiting', async () => {
  const resident = await Client.signIn(cloud.url, 'demo-resident');
  const list = await data<{ items: ActivityCard[] }>(resident.call('activities', 'activities.list', { area: 'community', limit: 50 }, null));
  const byId = new Map(list.items.map((a) => [a.id, a]));
  const [taiji, talk, cleanup] = ['taiji', 'fraud-talk', 'cleanup'].map((key) => byId.get(demoActivityId(key, now)));
  for (const activity of [taiji, talk, cleanup]) {
    expect(activity).toBeDefined();
    // Upcoming: next week, so never stale on the day it was seeded.
    expect(Date.parse(activity!.startAt)).toBeGreaterThan(now.getTime());
    expect(Date.parse(activity!.startAt)).toBeLessThan(now.getTime() + 15 * DAY);
    expect(activity!.mySignup).toBeNull();
  }
  expect(taiji).toMatchObject({ capacity: 12, seatsLeft: 9, waitlistLength: 0, volunteer: null });
  expect(talk).toMatchObject({ capacity: 3, seatsLeft: 0, waitlistLength: 2 });
  expect(cleanup).toMatchObject({ seatsLeft: 7, volunteer: { plannedHours: 2, creditsPerHour: 10 } });

  const posts = await data<{ items: PostView[] }>(resident.call('posts', 'posts.list', { groupId: 'g-beiyuan-taiji' }, null));
  expect(Date.parse(posts.items[0]!.createdAt)).toBeGreaterThan(now.getTime() - 7 * DAY);
  expect(posts.items[0]!.author.nickname).toBe('李队长');

  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const applications = await data<{ items: Array<{ group: { id: string }; status: string }> }>(committee.call('groups', 'groups.reviewQueue', {}, null));
  expect(applications.items.map((a) => [a.group.id, a.status])).toContainEqual(['g-beiyuan-yuanyi', 'pending']);
  const queue = await data<{ items: CaseView[] }>(committee.call('moderation', 'moderation.queue', {}, null));
  const reported = queue.items.find((c) => c.targetId === 'post-demo-ad');
  expect(reported).toMatchObject({ state: 'open', reportCount: 2, itemHidden: false });
  expect(reported!.reports.map((r) => [r.reason, r.text, r.reporter])).toEqual([
    ['other', '夸大疗效，像是骗老人买保健品', '周＊'],
    ['spam', null, '孙＊'],
  ]);

  // Every seeded activity (this week's and last week's meal delivery) keeps the seat model.
  for (const demo of demoActivities) {
    const report = await expectConsistent(committee, demoActivityId(demo.key, now));
    expect(report.counters.actual).toEqual({ confirmed: demo.confirmed.length, offered: 0, waitlist: demo.waiting.length });
  }
  await expectConsistent(committee, 'act-demo-meals');

  // The walk-through works: 王阿姨 joins the line of the full talk behind the two waiting.
  const joined = await data<{ mySignup: { status: string; waitlistPosition: number | null } }>(resident.call('signups', 'signups.create', { activityId: demoActivityId('fraud-talk', now) }));
  expect(joined.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 });
  await expectConsistent(committee, demoActivityId('fraud-talk', now));
});

test('a second start writes nothing; a start a week later adds the next week and leaves this one as visitors left it', async () => {
  await cloud.stop();
  const before = snapshotDatabase(cloud.dataDir);
  cloud = await startCloud({ dataDir: cloud.dataDir, env: seedEnv(now) });
  await cloud.stop();
  expect(snapshotDatabase(cloud.dataDir)).toBe(before);

  const weekLater = new Date(now.getTime() + 7 * DAY);
  cloud = await startCloud({ dataDir: cloud.dataDir, env: seedEnv(weekLater) });
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  for (const demo of demoActivities) {
    expect(demoActivityId(demo.key, weekLater)).not.toBe(demoActivityId(demo.key, now));
    await expectConsistent(committee, demoActivityId(demo.key, weekLater));
  }
  // This week's full talk still has 王阿姨 third in line.
  const talk = await expectConsistent(committee, demoActivityId('fraud-talk', now));
  expect(talk.counters.actual).toEqual({ confirmed: 3, offered: 0, waitlist: 3 });
  // The report was not filed twice.
  const queue = await data<{ items: CaseView[] }>(committee.call('moderation', 'moderation.queue', {}, null));
  expect(queue.items.find((c) => c.targetId === 'post-demo-ad')?.reportCount).toBe(2);
});
