/**
 * Seats through the HTTP face when residents tap 报名 more than once with new request ids (a
 * double tap, a second phone, a retry that lost its id) while seats are still free: never a
 * second seat, never more confirmed than capacity, counters equal to the documents in every
 * view. Then a 1,500-person activity: the roster pages and the export list every sign-up; and
 * `activities.reconcile` finds nothing to heal, and heals drift written on purpose, once.
 */
import ExcelJS from 'exceljs';
import type { ActivityDetail } from '../../src/shared/schemas/activities';
import { allDocsOf, createActivity, createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, cloudSuite } from '../support/localCloud';

const suite = cloudSuite();
let db: Db;
let leader: Client;
let staff: Client;
let groupId: string;
beforeAll(async () => {
  db = databaseOf(suite.cloud);
  groupId = await createGroup(db, { leader: 'dt-leader' });
  leader = await Client.signIn(suite.cloud.url, 'dt-leader');
  staff = await Client.signIn(suite.cloud.url, 'demo-committee');
}, 120_000);

const allDocs = <T>(collection: string, where: Record<string, unknown>) => allDocsOf<T>(db, collection, where);

interface SignupRow {
  _id: string;
  userId: string;
  status: string;
  waitSeq: number | null;
}

/** Seats and counters against the sign-up documents; answers the documents. */
async function expectConsistent(activityId: string, capacity: number) {
  const seats = await allDocs<{ state: string; signupId: string | null }>('seats', { activityId });
  const signups = await allDocs<SignupRow>('signups', { activityId });
  const { data } = await db.collection('activities').doc(activityId).get();
  const activity = data[0] as { confirmedCount: number; offeredCount?: number; waitlistCount: number };
  const confirmed = signups.filter((s) => s.status === 'confirmed');
  const offered = signups.filter((s) => s.status === 'offered');
  const waiting = signups.filter((s) => s.status === 'waitlisted');
  expect(seats).toHaveLength(capacity);
  const taken = seats.filter((s) => s.state !== 'free');
  // One seat per sign-up, each to a confirmed or offered one.
  expect(new Set(taken.map((s) => s.signupId)).size).toBe(taken.length);
  expect(taken.length).toBe(confirmed.length + offered.length);
  expect(new Set(signups.map((s) => s.userId)).size).toBe(signups.length);
  expect(signups.filter((s) => s.status === 'claiming')).toEqual([]);
  expect({ confirmed: activity.confirmedCount, offered: activity.offeredCount ?? 0, waiting: activity.waitlistCount }).toEqual({
    confirmed: confirmed.length,
    offered: offered.length,
    waiting: waiting.length,
  });
  expect(new Set(waiting.map((s) => s.waitSeq)).size).toBe(waiting.length);
  const detail = await leader.call<ActivityDetail>('activities', 'activities.get', { activityId }, null);
  expect(detail.body.ok && [detail.body.data.seatsLeft, detail.body.data.waitlistLength]).toEqual([capacity - confirmed.length - offered.length, waiting.length]);
  return { confirmed, offered, waiting, signups };
}

/** Each resident taps `taps(i)` times at once, every tap with its own request id; all released together. */
async function crowd(prefix: string, people: number, activityId: string, taps: (i: number) => number) {
  const residents = await Promise.all(Array.from({ length: people }, (_, i) => Client.signIn(suite.cloud.url, `${prefix}-${i}`)));
  const calls = residents.flatMap((client, i) => Array.from({ length: taps(i) }, () => client));
  for (let i = calls.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [calls[i], calls[j]] = [calls[j]!, calls[i]!];
  }
  const replies = await Promise.all(calls.map(async (client) => ({ client, reply: await client.call<ActivityDetail>('signups', 'signups.create', { activityId }) })));
  // A tap is either the sign-up's outcome or "already signed up" — never an error of ours.
  for (const { reply } of replies) {
    if (reply.status !== 200) expect([reply.status, !reply.body.ok && reply.body.error.message]).toEqual([409, '你已经报名了本次活动']);
  }
  return { residents, replies };
}

test('30 residents double-tap with new request ids on 37 free seats: 30 confirmed, 30 seats taken', async () => {
  const activityId = await createActivity(db, groupId, 'dt-leader', { capacity: 37, startsInHours: 48 });
  const { replies } = await crowd('dt-pair', 30, activityId, () => 2);
  const { confirmed } = await expectConsistent(activityId, 37);
  expect(confirmed).toHaveLength(30);
  const answered = replies.filter((r) => r.reply.status === 200);
  expect(new Set(answered.map((r) => r.reply.body.ok && r.reply.body.data.mySignup!.status))).toEqual(new Set(['confirmed']));
});

test('120 residents tapping one to three times at once on 37 seats: exactly 37 confirmed, the rest in line once each', async () => {
  const activityId = await createActivity(db, groupId, 'dt-leader', { capacity: 37, startsInHours: 48 });
  const { residents } = await crowd('dt-crowd', 120, activityId, (i) => 1 + (i % 3));
  const { confirmed, waiting } = await expectConsistent(activityId, 37);
  expect(confirmed).toHaveLength(37);
  expect(waiting).toHaveLength(120 - 37);
  // Every resident's own view agrees with the documents.
  const mine = await Promise.all(residents.map((c) => c.call<{ items: Array<{ id: string; mySignup: { status: string } | null }> }>('signups', 'signups.mine', { scope: 'upcoming' }, null)));
  const statuses = mine.map((r) => (r.body.ok ? r.body.data.items.find((a) => a.id === activityId)?.mySignup?.status : 'error'));
  expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(37);
  expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(83);
});

test('a 1,500-person activity: the roster pages and the export list every sign-up, with counts from the documents', async () => {
  const activityId = await createActivity(db, groupId, 'dt-leader', { capacity: 40, startsInHours: 48 });
  await crowd('dt-big', 1500, activityId, () => 1);
  const sections = { pending: 0, confirmed: 40, waiting: 1460, other: 0 };
  for (const [section, expected] of Object.entries(sections)) {
    const seen = new Set<string>();
    for (let offset = 0; ; offset += 200) {
      const page = await leader.call<{ items: Array<{ signupId: string; status: string; waitSeq: number | null }>; total: number; hasMore: boolean; counts: Record<string, number> }>(
        'signups',
        'signups.roster',
        { activityId, section, offset, limit: 200 },
        null,
      );
      if (!page.body.ok) throw new Error(JSON.stringify(page.body));
      expect(page.body.data.total).toBe(expected);
      expect(page.body.data.counts).toMatchObject({ confirmed: 40, waitlisted: 1460 });
      for (const item of page.body.data.items) seen.add(item.signupId);
      if (section === 'waiting' && offset === 0) expect(page.body.data.items.slice(0, 3).map((i) => i.waitSeq)).toEqual([1, 2, 3]);
      if (!page.body.data.hasMore) break;
    }
    expect(seen.size).toBe(expected);
  }
  const exported = await leader.call<{ fileId: string; url: string; rows: number }>('signups', 'signups.rosterExport', { activityId }, null);
  if (!exported.body.ok) throw new Error(JSON.stringify(exported.body));
  expect(exported.body.data.rows).toBe(1500);
  const file = await fetch(exported.body.data.url);
  expect(file.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer);
  expect(book.worksheets[0]!.rowCount).toBe(1501);
  // 1,500 sign-ins and sign-ups at once: under CloudBase's model (the local cloud's default) they
  // start the account and signups functions' instances (cold starts, each loading node-sdk) on
  // the same two cores — a bound for a stuck crowd, not a timing.
}, 180_000);

test('reconcile: staff find nothing to heal on a sound activity; drift written on purpose is reported, healed once, and gone', async () => {
  const activityId = await createActivity(db, groupId, 'dt-leader', { capacity: 5, startsInHours: 48 });
  await crowd('dt-heal', 7, activityId, () => 1);
  const check = (fix: boolean) => staff.call<{ problems: Array<{ kind: string; fixed: boolean }>; fixed: boolean }>('activities', 'activities.reconcile', { activityId, fix });
  const sound = await check(false);
  expect(sound.body.ok && sound.body.data.problems).toEqual([]);
  // A counter off by two and a seat held for nobody, as the faulty path used to leave them.
  const _ = db.command;
  await db.collection('activities').doc(activityId).update({ confirmedCount: _.inc(2) });
  const { data: held } = await db.collection('seats').where({ activityId, state: 'held' }).limit(1).get();
  const seatId = (held[0] as { _id: string })._id;
  const { data: owners } = await db.collection('signups').where({ seatId }).get();
  await db.collection('signups').doc((owners[0] as { _id: string })._id).update({ status: 'cancelled' });
  const report = await check(false);
  expect(report.body.ok && report.body.data.problems.map((p) => [p.kind, p.fixed])).toEqual(
    expect.arrayContaining([
      ['orphan_seat', false],
      ['counter_confirmed', false],
    ]),
  );
  const healed = await check(true);
  expect(healed.body.ok && healed.body.data.fixed).toBe(true);
  expect(healed.body.ok && healed.body.data.problems.every((p) => p.fixed)).toBe(true);
  // The freed seat went to the head of the line, and nothing is left to heal.
  const { offered } = await expectConsistent(activityId, 5);
  expect(offered).toHaveLength(1);
  const again = await check(true);
  expect(again.body.ok && again.body.data).toMatchObject({ problems: [], fixed: false });
  // Residents and leaders cannot run it.
  expect((await leader.call('activities', 'activities.reconcile', { activityId, fix: true })).status).toBe(403);
});
