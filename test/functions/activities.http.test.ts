/** Activities over HTTP: posting, discovery, sign-up, waitlist offers, cancellation, check-in, reminders, proxies. */
import type { ActivityDetail } from '../../src/shared/schemas/activities';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createGroup, databaseOf, type Db } from '../support/fixtures';
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

const data = dataOf;

const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

function activityInput(groupId: string, overrides: Record<string, unknown> = {}) {
  return {
    groupId,
    title: '周末护河行动',
    description: '沿南湖步道捡拾垃圾，发放环保宣传单，提供手套和夹子。',
    category: 'environment',
    startAt: inHours(48),
    endAt: inHours(50),
    location: { name: '南湖公园东门', address: '城关街道南湖路 1 号', latitude: 30.1, longitude: 120.2 },
    capacity: 2,
    volunteer: { plannedHours: 2, creditsPerHour: 10 },
    ...overrides,
  };
}

async function fire(timer: string) {
  return (await fetch(`${cloud.url}/api/dev/timers/activities/${timer}`, { method: 'POST' })).json();
}

test('a leader posts; residents sign up, the third is waitlisted, a cancellation offers the seat, she confirms', async () => {
  const leader = await Client.signIn(cloud.url, 'act-leader');
  const groupId = await createGroup(db, { leader: 'act-leader' });
  const created = await data<{ ids: string[]; first: ActivityDetail }>(leader.call('activities', 'activities.create', activityInput(groupId)));
  const activityId = created.ids[0]!;
  expect(created.first).toMatchObject({ capacity: 2, seatsLeft: 2, waitlistLength: 0, abilities: expect.arrayContaining(['activities.edit', 'signups.manage', 'checkin.show']) });

  const [a, b, c] = await Promise.all(['act-a', 'act-b', 'act-c'].map((id) => Client.signIn(cloud.url, id)));
  await a.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' });
  expect((await data<ActivityDetail>(a!.call('signups', 'signups.create', { activityId }))).mySignup).toMatchObject({ status: 'confirmed' });
  expect((await data<ActivityDetail>(b!.call('signups', 'signups.create', { activityId }))).mySignup).toMatchObject({ status: 'confirmed' });
  const waiting = await data<ActivityDetail>(c!.call('signups', 'signups.create', { activityId }));
  expect(waiting).toMatchObject({ seatsLeft: 0, waitlistLength: 1, mySignup: { status: 'waitlisted', waitlistPosition: 1 } });
  const mine = await data<{ items: Array<{ id: string; mySignup: { status: string; waitlistPosition: number | null } | null }> }>(c!.call('signups', 'signups.mine', {}, null));
  expect(mine.items.find((i) => i.id === activityId)?.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  const twice = await a!.call('signups', 'signups.create', { activityId });
  expect([twice.status, !twice.body.ok && twice.body.error.message]).toEqual([409, '你已经报名了本次活动']);

  const listed = await data<{ items: Array<{ id: string; mySignup: { status: string } | null }> }>(a!.call('activities', 'activities.list', { volunteerOnly: true }, null));
  expect(listed.items.find((i) => i.id === activityId)).toMatchObject({ mySignup: { status: 'confirmed' } });

  await data(a!.call('signups', 'signups.cancel', { activityId }));
  const offered = await data<ActivityDetail>(c!.call('activities', 'activities.get', { activityId }, null));
  expect(offered.mySignup).toMatchObject({ status: 'offered' });
  const inbox = await data<{ items: Array<{ kind: string }>; unread: number }>(c!.call('inbox', 'inbox.list', {}, null));
  expect(inbox.items[0]).toMatchObject({ kind: 'seat_offer' });
  // Her own waitlist place is in the inbox too, before the offer.
  expect(inbox.items.map((item) => item.kind)).toEqual(['seat_offer', 'signup_waitlisted']);
  expect(inbox.unread).toBe(2);
  const confirmed = await data<ActivityDetail>(c!.call('signups', 'signups.confirmOffer', { activityId }));
  expect(confirmed).toMatchObject({ seatsLeft: 0, mySignup: { status: 'confirmed' } });
  expect(await data(c!.call('inbox', 'inbox.markRead', {}))).toEqual({ unread: 0 });

  const rosterList = await data<{ items: Array<{ status: string }>; counts: Record<string, number> }>(leader.call('signups', 'signups.roster', { activityId }, null));
  expect(rosterList.items.map((i) => i.status)).toEqual(['confirmed', 'confirmed']);
  expect(rosterList.counts).toMatchObject({ confirmed: 2, cancelled: 1, waitlisted: 0, offered: 0 });
  const others = await data<{ items: Array<{ status: string }> }>(leader.call('signups', 'signups.roster', { activityId, section: 'other' }, null));
  expect(others.items.map((i) => i.status)).toEqual(['cancelled']);
  expect((await a!.call('signups', 'signups.roster', { activityId }, null)).status).toBe(403);
});

test('an offer not confirmed in time expires by the timer and passes to the next person', async () => {
  const leader = await Client.signIn(cloud.url, 'exp-leader');
  const groupId = await createGroup(db, { leader: 'exp-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 1, volunteer: null })));
  const activityId = ids[0]!;
  const [a, b, c] = await Promise.all(['exp-a', 'exp-b', 'exp-c'].map((id) => Client.signIn(cloud.url, id)));
  for (const client of [a, b, c]) await data(client!.call('signups', 'signups.create', { activityId }));
  await data(a!.call('signups', 'signups.cancel', { activityId }));
  expect((await data<ActivityDetail>(b!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('offered');
  await db.collection('signups').where({ activityId, status: 'offered' }).update({ offerExpiresAt: new Date(Date.now() - 1000) });
  expect(await fire('expireOffers')).toMatchObject({ ok: true, result: { expired: 1 } });
  expect((await data<ActivityDetail>(b!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('expired');
  expect((await data<ActivityDetail>(c!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('offered');
  const late = await b!.call('signups', 'signups.confirmOffer', { activityId });
  expect([late.status, !late.body.ok && late.body.error.message]).toEqual([409, '没有待确认的空位']);
});

test('with people in line a newcomer queues behind them, and a seat left free goes to the head of the line by the timer', async () => {
  const leader = await Client.signIn(cloud.url, 'line-leader');
  const groupId = await createGroup(db, { leader: 'line-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 1, volunteer: null })));
  const activityId = ids[0]!;
  const [a, b, c] = await Promise.all(['line-a', 'line-b', 'line-c'].map((id) => Client.signIn(cloud.url, id)));
  await data(a!.call('signups', 'signups.create', { activityId }));
  await data(b!.call('signups', 'signups.create', { activityId }));
  // The race the timer mends: a's seat went back to free in the instant b's claim had failed.
  await db.collection('seats').where({ activityId }).update({ state: 'free', signupId: null });
  await db.collection('signups').where({ activityId, status: 'confirmed' }).update({ status: 'cancelled' });
  await db.collection('activities').doc(activityId).update({ confirmedCount: 0 });
  const queued = await data<{ mySignup: { status: string; waitlistPosition: number | null } }>(c!.call('signups', 'signups.create', { activityId }));
  expect(queued.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
  expect(await fire('expireOffers')).toMatchObject({ ok: true, result: { expired: 0, offered: 1 } });
  expect((await data<ActivityDetail>(b!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('offered');
  expect((await data<ActivityDetail>(c!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('waitlisted');
  expect(await fire('expireOffers')).toMatchObject({ ok: true, result: { expired: 0, offered: 0 } });
});

test('signing up again while in line changes nothing; after cancelling, one rejoins at the end of the line', async () => {
  const leader = await Client.signIn(cloud.url, 'again-leader');
  const groupId = await createGroup(db, { leader: 'again-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 1, volunteer: null })));
  const activityId = ids[0]!;
  const [a, b, c] = await Promise.all(['again-a', 'again-b', 'again-c'].map((id) => Client.signIn(cloud.url, id)));
  for (const client of [a, b, c]) await data(client!.call('signups', 'signups.create', { activityId }));
  // The activity's line counter is drawn and given back (its sequence skips a number); nothing else moves.
  const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'activities']);
  const twice = await b!.call('signups', 'signups.create', { activityId });
  expect([twice.status, !twice.body.ok && twice.body.error.message]).toEqual([409, '你已经报名了本次活动']);
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'activities'])).toBe(before);
  expect((await data<ActivityDetail>(b!.call('activities', 'activities.get', { activityId }, null))).waitlistLength).toBe(2);
  await data(b!.call('signups', 'signups.cancel', { activityId }));
  const back = await data<{ mySignup: { status: string; waitlistPosition: number | null }; waitlistLength: number }>(b!.call('signups', 'signups.create', { activityId }));
  expect(back).toMatchObject({ mySignup: { status: 'waitlisted', waitlistPosition: 2 }, waitlistLength: 2 });
  expect((await data<ActivityDetail>(c!.call('activities', 'activities.get', { activityId }, null))).mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
});

test('check-in with the rotating code, check-out capped at the end, hand marks and no-shows', async () => {
  const leader = await Client.signIn(cloud.url, 'chk-leader');
  const groupId = await createGroup(db, { leader: 'chk-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { startAt: inHours(0.5), endAt: inHours(2), capacity: 3 })));
  const activityId = ids[0]!;
  const [a, b] = await Promise.all(['chk-a', 'chk-b'].map((id) => Client.signIn(cloud.url, id)));
  await data(a!.call('signups', 'signups.create', { activityId }));
  await data(b!.call('signups', 'signups.create', { activityId }));
  expect((await a!.call('signups', 'checkin.code', { activityId }, null)).status).toBe(403);
  const code = await data<{ code: string; qr: string; payload: string }>(leader.call('signups', 'checkin.code', { activityId }, null));
  expect(code.code).toMatch(/^\d{6}$/);
  expect(code.qr.startsWith('data:image/png;base64,')).toBe(true);
  expect(code.payload).toContain(`scene=${activityId.slice(0, 25)}.${code.code}`);
  const wrong = await a!.call('signups', 'checkin.scan', { activityId, code: code.code === '000000' ? '111111' : '000000', direction: 'in' });
  expect(wrong.status).toBe(400);
  const checkedIn = await data<ActivityDetail>(a!.call('signups', 'checkin.scan', { activityId, code: code.code, direction: 'in' }));
  expect(checkedIn.mySignup?.checkedInAt).not.toBeNull();
  const outsider = await Client.signIn(cloud.url, 'chk-outsider');
  expect((await outsider.call('signups', 'checkin.scan', { activityId, code: code.code, direction: 'in' })).status).toBe(404);
  const bId = (await data<{ items: Array<{ userId: string; nickname: string; status: string }> }>(leader.call('signups', 'signups.roster', { activityId }, null))).items[1]!.userId;
  const marked = await data<{ entry: { status: string } }>(leader.call('signups', 'signups.mark', { activityId, userId: bId, mark: 'no_show' }));
  expect(marked.entry.status).toBe('no_show');
  // The person's user document remembers the mark, so her next sign-ups count no-shows again.
  const { data: marks } = await db.collection('users').doc(bId).get();
  expect((marks[0] as { lastNoShowAt: Date | null }).lastNoShowAt).toBeInstanceOf(Date);
});

test('a resident who reached the group no-show limit cannot sign up for a while', async () => {
  const leader = await Client.signIn(cloud.url, 'ns-leader');
  const groupId = await createGroup(db, { leader: 'ns-leader' });
  await db.collection('groups').doc(groupId).update({ noShowLimit: 2 });
  const resident = await Client.signIn(cloud.url, 'ns-resident');
  const userId = (await data<{ account: { id: string } }>(resident.call('account', 'account.me', {}, null))).account.id;
  for (let i = 0; i < 2; i += 1) {
    await db.collection('signups').add({ activityId: `past-${i}`, groupId, userId, startAt: new Date(Date.now() - (i + 1) * 24 * HOUR), status: 'no_show', waitSeq: null, offerExpiresAt: null, proxy: null, guardianConsent: false, checkedInAt: null, checkedOutAt: null, createdAt: new Date(), updatedAt: new Date() });
  }
  const { ids: fresh } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId)));
  // Marks written behind the app's back are not counted until the user document notes one, as signups.mark does.
  await data(resident.call('signups', 'signups.create', { activityId: fresh[0] }));
  await db.collection('users').doc(userId).update({ lastNoShowAt: new Date() });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId)));
  const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
  const blocked = await resident.call('signups', 'signups.create', { activityId: ids[0] });
  expect([blocked.status, !blocked.body.ok && blocked.body.error.code]).toEqual([409, 'SIGNUP_CLOSED']);
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);
});

test('proxy sign-up needs the elder\'s consent, and the leader sees who signed her up', async () => {
  const leader = await Client.signIn(cloud.url, 'px-leader');
  const groupId = await createGroup(db, { leader: 'px-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 5 })));
  const activityId = ids[0]!;
  const daughter = await Client.signIn(cloud.url, 'px-daughter', '小芳');
  const grandma = await Client.signIn(cloud.url, 'px-grandma', '刘奶奶');
  const grandmaId = (await data<{ account: { id: string } }>(grandma.call('account', 'account.me', {}, null))).account.id;
  const refused = await daughter.call('signups', 'signups.create', { activityId, forUserId: grandmaId });
  expect(refused.status).toBe(404);
  const { code } = await data<{ code: string }>(daughter.call('signups', 'proxies.request', { relation: 'family' }));
  const consent = await data<{ actingForMe: Array<{ nickname: string }> }>(grandma.call('signups', 'proxies.accept', { code }));
  expect(consent.actingForMe).toEqual([expect.objectContaining({ nickname: '小芳', relation: 'family' })]);
  await data(daughter.call('signups', 'signups.create', { activityId, forUserId: grandmaId }));
  const seen = await data<ActivityDetail>(grandma.call('activities', 'activities.get', { activityId }, null));
  expect(seen.mySignup).toMatchObject({ status: 'confirmed', byProxy: { nickname: '小芳' } });
  const rosterList = await data<{ items: Array<{ nickname: string; proxy: unknown }> }>(leader.call('signups', 'signups.roster', { activityId }, null));
  expect(rosterList.items[0]).toMatchObject({ nickname: '刘奶奶', proxy: { nickname: '小芳', relation: 'family' } });
  // Grandma withdraws her consent: her daughter can no longer sign her up.
  const daughterId = (await data<{ account: { id: string } }>(daughter.call('account', 'account.me', {}, null))).account.id;
  expect(await data(grandma.call('signups', 'proxies.end', { userId: daughterId }))).toEqual({ canActFor: [], actingForMe: [] });
  const { ids: later } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 5, title: '第二场活动' })));
  expect((await daughter.call('signups', 'signups.create', { activityId: later[0], forUserId: grandmaId })).status).toBe(404);
  expect((await grandma.call('signups', 'proxies.end', { userId: daughterId })).status).toBe(404);
});

test('reminders go out 24 h before, once', async () => {
  const leader = await Client.signIn(cloud.url, 'rem-leader');
  const groupId = await createGroup(db, { leader: 'rem-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { startAt: inHours(20), endAt: inHours(21) })));
  const resident = await Client.signIn(cloud.url, 'rem-resident');
  await data(resident.call('signups', 'signups.create', { activityId: ids[0] }));
  const first = await fire('sendReminders');
  expect(first.result.sent).toBeGreaterThanOrEqual(1);
  await fire('sendReminders');
  const inbox = await data<{ items: Array<{ kind: string }> }>(resident.call('inbox', 'inbox.list', {}, null));
  expect(inbox.items.filter((i) => i.kind === 'reminder_24h')).toHaveLength(1);
});

test('cancelling an activity tells everyone signed up; bad times are refused', async () => {
  const leader = await Client.signIn(cloud.url, 'cx-leader');
  const groupId = await createGroup(db, { leader: 'cx-leader' });
  const bad = await leader.call('activities', 'activities.create', activityInput(groupId, { endAt: inHours(47) }));
  expect(!bad.body.ok && bad.body.error.issues).toEqual([{ path: 'endAt', message: '结束时间必须晚于开始时间' }]);
  const past = await leader.call('activities', 'activities.create', activityInput(groupId, { startAt: inHours(-2), endAt: inHours(-1) }));
  expect(!past.body.ok && past.body.error.issues).toEqual([{ path: 'startAt', message: '开始时间必须在将来' }]);
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { repeatWeeks: 3 })));
  expect(ids).toHaveLength(3);
  const resident = await Client.signIn(cloud.url, 'cx-resident');
  await data(resident.call('signups', 'signups.create', { activityId: ids[1] }));
  const cancelled = await data<ActivityDetail>(leader.call('activities', 'activities.cancel', { activityId: ids[1], reason: '天气预报有暴雨' }));
  expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '天气预报有暴雨' });
  const inbox = await data<{ items: Array<{ kind: string; body: string }> }>(resident.call('inbox', 'inbox.list', {}, null));
  expect(inbox.items[0]).toMatchObject({ kind: 'activity_cancelled' });
  expect(inbox.items[0]!.body).toContain('天气预报有暴雨');
});

test('capacity: growing offers the new seats to the line in order; shrinking removes free seats only, never below the people holding one', async () => {
  const leader = await Client.signIn(cloud.url, 'cap-leader');
  const groupId = await createGroup(db, { leader: 'cap-leader' });
  const input = activityInput(groupId, { capacity: 2, volunteer: null });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', input));
  const activityId = ids[0]!;
  const people = await Promise.all(['cap-a', 'cap-b', 'cap-c', 'cap-d'].map((id) => Client.signIn(cloud.url, id)));
  for (const client of people) await data(client.call('signups', 'signups.create', { activityId }));
  const grown = await data<ActivityDetail>(leader.call('activities', 'activities.update', { ...input, groupId: undefined, activityId, capacity: 3 }));
  // The new seat is offered to the head of the line (c), not left free for the crowd.
  expect(grown).toMatchObject({ capacity: 3, seatsLeft: 0, seatsOnOffer: 1, waitlistLength: 1 });
  expect((await data<ActivityDetail>(people[2]!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('offered');
  expect((await data<ActivityDetail>(people[3]!.call('activities', 'activities.get', { activityId }, null))).mySignup?.status).toBe('waitlisted');
  // Three seats are taken (two held, one offered): a capacity of 2 is refused and nothing changes.
  const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
  const refused = await leader.call('activities', 'activities.update', { ...input, groupId: undefined, activityId, capacity: 2 });
  expect([refused.status, !refused.body.ok && refused.body.error.code]).toEqual([409, 'CONFLICT']);
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);
  // After a cancellation passes a's seat to d, growing to 5 then shrinking to 4 removes a free seat.
  await data(people[0]!.call('signups', 'signups.cancel', { activityId }));
  await data(leader.call('activities', 'activities.update', { ...input, groupId: undefined, activityId, capacity: 5 }));
  const shrunk = await data<ActivityDetail>(leader.call('activities', 'activities.update', { ...input, groupId: undefined, activityId, capacity: 4 }));
  expect(shrunk).toMatchObject({ capacity: 4, seatsLeft: 1 });
  const { data: seatDocs } = await db.collection('seats').where({ activityId }).limit(100).get();
  expect(seatDocs).toHaveLength(4);
});

test('the one timer trigger of activities runs the jobs due at its firing: expireOffers every time', async () => {
  // Whether sendReminders is due too depends on the minute; the dispatcher's choice by schedule
  // is tested with fixed times in test/local/timers.test.ts.
  expect(await fire('everyMinute')).toMatchObject({ ok: true, timer: 'everyMinute', result: { expireOffers: { expired: expect.any(Number) } } });
});
