/**
 * WeChat for real, over HTTP against a started local cloud: the functions' subscribe messages,
 * mini-program codes and error paths, answered by the emulated WeChat (the same `wx.api`
 * requests CloudBase receives). Template ids are configured for this cloud through the
 * environment, as they are on CloudBase.
 *
 * Spans functions by nature (issue 17): it tests the WeChat ports (subscribe messages,
 * mini-program codes) as the activities and signups functions use them, so it is named by WeChat.
 */
import QRCode from 'qrcode';
import type { ActivityDetail } from '../../src/shared/schemas/activities';
import { createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, cloudSuite, dataOf } from '../support/localCloud';
import { issuedCodes, sentMessages, setWeChatFaults } from '../support/wechat';
import { keywordProblem } from '../../cloudfunctions/_core/ports/wechat/keywords';

const suite = cloudSuite({
  env: {
    LINLI_TEMPLATE_REMINDER_ID: 'tpl-reminder',
    LINLI_TEMPLATE_REMINDER_KEYS: 'thing1:body,time2:sentAt,thing3:title',
    LINLI_TEMPLATE_SEAT_OFFER_ID: 'tpl-seat-offer',
    LINLI_TEMPLATE_SEAT_OFFER_KEYS: 'thing1:body,phrase2:=候补转正',
  },
});
let db: Db;
beforeAll(() => {
  db = databaseOf(suite.cloud);
});

const data = dataOf;
const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

function activityInput(groupId: string, overrides: Record<string, unknown> = {}) {
  return {
    groupId,
    title: '周末护河行动：沿南湖步道捡拾垃圾',
    description: '沿南湖步道捡拾垃圾，发放环保宣传单，提供手套和夹子。',
    category: 'environment',
    startAt: inHours(48),
    endAt: inHours(50),
    location: { name: '南湖公园东门', address: '城关街道南湖路 1 号', latitude: 30.1, longitude: 120.2 },
    capacity: 1,
    volunteer: null,
    ...overrides,
  };
}

/** Every keyword of a recorded message is valid for its type (what WeChat checks, 47003). */
function expectValidData(message: { data: Record<string, { value: string }> }) {
  for (const [key, { value }] of Object.entries(message.data)) expect([key, keywordProblem(key, value)]).toEqual([key, null]);
}

test("a sign-up's reminder arrives as a subscribe message with valid data, to her openid, once", async () => {
  const leader = await Client.signIn(suite.cloud.url, 'wx-rem-leader');
  const groupId = await createGroup(db, { leader: 'wx-rem-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { startAt: inHours(1), endAt: inHours(3) })));
  const resident = await Client.signIn(suite.cloud.url, 'wx-rem-resident');
  await data(resident.call('signups', 'signups.create', { activityId: ids[0] }));

  const fire = async () => (await fetch(`${suite.cloud.url}/api/dev/timers/activities/sendReminders`, { method: 'POST' })).json();
  expect(await fire()).toMatchObject({ ok: true, result: { sent: 2 } });
  expect(await fire()).toMatchObject({ ok: true, result: { sent: 0 } });

  const messages = await sentMessages(suite.cloud.url, 'wx-rem-resident');
  expect(messages).toHaveLength(2);
  for (const message of messages) {
    expect(message).toMatchObject({ templateId: 'tpl-reminder', page: `pages/activity/index?id=${ids[0]}` });
    expectValidData(message);
    expect(message.data.thing1!.value).toMatch(/^「周末护河行动/);
  }
  // The inbox stays the record of everything.
  const { data: inbox } = await db.collection('inbox').where({ kind: db.RegExp({ regexp: '^reminder_' }) }).get();
  expect(inbox.filter((n) => (n as { link: string }).link.endsWith(ids[0]!))).toHaveLength(2);
});

test("a freed seat's offer reaches the phone; a refused subscription (43101) falls back to the inbox and is counted", async () => {
  const leader = await Client.signIn(suite.cloud.url, 'wx-seat-leader');
  const groupId = await createGroup(db, { leader: 'wx-seat-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId)));
  const activityId = ids[0]!;
  const [a, b, c] = await Promise.all(['wx-seat-a', 'wx-seat-b', 'wx-seat-c'].map((id) => Client.signIn(suite.cloud.url, id)));
  await data(a!.call('signups', 'signups.create', { activityId }));
  expect((await data<ActivityDetail>(b!.call('signups', 'signups.create', { activityId }))).mySignup).toMatchObject({ status: 'waitlisted' });
  expect((await data<ActivityDetail>(c!.call('signups', 'signups.create', { activityId }))).mySignup).toMatchObject({ status: 'waitlisted' });

  // a leaves: b (first in line) is offered the seat on her phone.
  await data(a!.call('signups', 'signups.cancel', { activityId }));
  const offers = await sentMessages(suite.cloud.url, 'wx-seat-b');
  expect(offers).toHaveLength(1);
  expect(offers[0]).toMatchObject({ templateId: 'tpl-seat-offer', page: `pages/activity/index?id=${activityId}`, data: { phrase2: { value: '候补转正' } } });
  expectValidData(offers[0]!);

  // c has used up her one-time consent: WeChat answers 43101. b declines, c's offer still lands.
  await setWeChatFaults(suite.cloud.url, [{ api: 'subscribeMessage.send', openid: 'wx-seat-c', errcode: 43101 }]);
  await data(b!.call('signups', 'signups.cancel', { activityId }));
  expect(await sentMessages(suite.cloud.url, 'wx-seat-c')).toHaveLength(0);
  const { data: users } = await db.collection('users').where({ openid: 'wx-seat-c' }).get();
  const cId = (users[0] as { _id: string })._id;
  const { data: inbox } = await db.collection('inbox').where({ userId: cId, kind: 'seat_offer' }).get();
  expect(inbox).toHaveLength(1);
  const { data: failures } = await db.collection('notify_failures').where({ userId: cId }).get();
  expect(failures).toEqual([expect.objectContaining({ kind: 'seat_offer', errcode: 43101 })]);
  expect((await data<ActivityDetail>(c!.call('activities', 'activities.get', { activityId }, null))).mySignup).toMatchObject({ status: 'offered' });
});

test("check-in by the leader's mini-program code, end to end", async () => {
  const leader = await Client.signIn(suite.cloud.url, 'wx-chk-leader');
  const groupId = await createGroup(db, { leader: 'wx-chk-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { startAt: inHours(0.5), endAt: inHours(2) })));
  const activityId = ids[0]!;
  const resident = await Client.signIn(suite.cloud.url, 'wx-chk-resident');
  await data(resident.call('signups', 'signups.create', { activityId }));

  const shown = await data<{ code: string; qr: string; payload: string }>(leader.call('signups', 'checkin.code', { activityId }, null));
  // The code WeChat issued opens the check-in page with the activity and the code in its scene…
  const issued = (await issuedCodes(suite.cloud.url)).find((c) => c.scene.startsWith(activityId.slice(0, 25)));
  expect(issued).toMatchObject({ page: 'pages/checkin/index', scene: `${activityId.slice(0, 25)}.${shown.code}` });
  // …and the image shown is that very code (a QR of page?scene=).
  const png = Buffer.from(shown.qr.slice('data:image/png;base64,'.length), 'base64');
  expect(png.equals(await QRCode.toBuffer(issued!.content, { errorCorrectionLevel: 'M', margin: 2, width: 430 }))).toBe(true);

  // The resident's camera reads the scene; the page checks her in with it.
  const [prefix, code] = issued!.scene.split('.');
  expect(activityId.startsWith(prefix!)).toBe(true);
  const checkedIn = await data<ActivityDetail>(resident.call('signups', 'checkin.scan', { activityId, code, direction: 'in' }));
  expect(checkedIn.mySignup?.checkedInAt).not.toBeNull();
});
