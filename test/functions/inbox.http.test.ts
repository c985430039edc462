/**
 * The inbox over HTTP: notices sent to her and what her own sign-ups came to (kept on each
 * sign-up, commands/inbox.ts) read as one list — newest first, paged across both sources without
 * a gap or a repeat — with one unread count, and read marks that reach both.
 */
import { createActivity, createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

let cloud: RunningCloud;
let db: Db;
beforeAll(async () => {
  cloud = await startCloud();
  db = databaseOf(cloud);
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

interface Inbox {
  items: Array<{ id: string; kind: string; title: string; read: boolean; createdAt: string; link: string | null }>;
  total: number;
  hasMore: boolean;
  unread: number;
}

test('her sign-ups and the notices sent to her read as one list, paged and marked read together', async () => {
  const groupId = await createGroup(db, { leader: 'ib-leader' });
  const activities = await Promise.all([1, 2, 3].map(() => createActivity(db, groupId, 'ib-leader', { capacity: 1, startsInHours: 48 })));
  const [resident, other] = await Promise.all(['ib-resident', 'ib-other'].map((openid) => Client.signIn(cloud.url, openid)));
  const inbox = (client: Client, input: Record<string, unknown> = {}) => dataOf<Inbox>(client.call('inbox', 'inbox.list', input, null));

  // Someone else holds the seat of the third: she is told her place in line.
  await dataOf(other!.call('signups', 'signups.create', { activityId: activities[2] }));
  for (const activityId of activities) await dataOf(resident!.call('signups', 'signups.create', { activityId }));
  // Cancelling the first is a notice sent to her (an inbox document).
  await dataOf(resident!.call('signups', 'signups.cancel', { activityId: activities[0] }));

  const all = await inbox(resident!, { limit: 50 });
  expect(all.items.map((n) => n.kind)).toEqual(['signup_cancelled', 'signup_waitlisted', 'signup_confirmed', 'signup_confirmed']);
  expect({ total: all.total, unread: all.unread, hasMore: all.hasMore }).toEqual({ total: 4, unread: 4, hasMore: false });
  expect(all.items[1]!.title).toMatch(/候补/);
  expect(all.items[1]!.link).toBe(`pages/activity/index?id=${activities[2]}`);
  const times = all.items.map((n) => n.createdAt);
  expect([...times].sort().reverse()).toEqual(times);

  // Pages of two cover the list exactly.
  const first = await inbox(resident!, { limit: 2 });
  const second = await inbox(resident!, { offset: 2, limit: 2 });
  expect([...first.items, ...second.items].map((n) => n.id)).toEqual(all.items.map((n) => n.id));
  expect({ first: first.hasMore, second: second.hasMore }).toEqual({ first: true, second: false });

  // Marks reach both sources; the other resident's list is untouched.
  const marked = await dataOf<{ unread: number }>(resident!.call('inbox', 'inbox.markRead', { ids: [all.items[0]!.id, all.items[1]!.id] }));
  expect(marked.unread).toBe(2);
  expect((await inbox(resident!)).items.map((n) => n.read)).toEqual([true, true, false, false]);
  expect((await dataOf<{ unread: number }>(resident!.call('inbox', 'inbox.markRead', {}))).unread).toBe(0);
  expect((await inbox(other!)).unread).toBe(1);

  // Another's sign-up id is no handle on her notices.
  const othersItem = (await inbox(other!)).items[0]!;
  expect(othersItem.id).toMatch(/^signup:/);
  await dataOf(resident!.call('inbox', 'inbox.markRead', { ids: [othersItem.id] }));
  expect((await inbox(other!)).unread).toBe(1);
});
