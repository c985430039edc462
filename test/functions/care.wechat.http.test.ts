/**
 * The care register's and the proxies' notices on the phone (issue 14 item 2), over HTTP against a
 * started local cloud whose emulated WeChat records what is sent. Template ids come from the
 * environment as on CloudBase: a pairing reaches the volunteer's openid and an overdue visit each
 * committee member's, in the recipient's language, once however often the action or the timer
 * runs; the app is told the templates to ask consent for (account.me); and the offer of a freed
 * seat for a resident without a phone reaches her proxy's phone, naming her, once.
 */
import type { CareRecipientView } from '../../src/shared/schemas/care';
import type { AccountMeOutput } from '../../src/shared/schemas/account';
import { chinaDayOf } from '../../cloudfunctions/_core/runtime/chinaDay';
import { keywordProblem } from '../../cloudfunctions/_core/ports/wechat/keywords';
import { activityInput, inHours } from '../support/activityInput';
import { createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, cloudSuite, dataOf } from '../support/localCloud';
import { idFor, registerVolunteer, residentOf } from '../support/volunteers';
import { sentMessages } from '../support/wechat';

const suite = cloudSuite({
  env: {
    LINLI_TEMPLATE_CARE_OVERDUE_ID: 'tpl-care-overdue',
    LINLI_TEMPLATE_CARE_PAIRED_ID: 'tpl-care-paired',
    LINLI_TEMPLATE_SEAT_OFFER_ID: 'tpl-seat-offer',
    LINLI_TEMPLATE_SEAT_OFFER_KEYS: 'thing1:body,phrase2:=候补转正',
  },
});
let db: Db;
beforeAll(() => {
  db = databaseOf(suite.cloud);
});

const DAY_MS = 24 * 3600_000;
const daysAgo = (days: number) => chinaDayOf(new Date(Date.now() - days * DAY_MS));
const PERSON = {
  communityId: 'cm-beiyuan',
  category: 'lone_elder',
  name: '孙奶奶',
  address: '北苑小区5栋101',
  frequencyDays: 7,
  consent: { by: 'self', reference: 'PAPER-2026-007', witnessed: true },
} as const;

/** Every keyword is valid for its type (what WeChat checks, 47003). */
function expectValidData(message: { data: Record<string, { value: string }> }) {
  for (const [key, { value }] of Object.entries(message.data)) expect([key, keywordProblem(key, value)]).toEqual([key, null]);
}

test('the app is told which care templates to ask consent for', async () => {
  const committee = await Client.signIn(suite.cloud.url, 'demo-committee');
  const me = await dataOf<AccountMeOutput>(committee.call('account', 'account.me', {}, null));
  expect(me.subscribeTemplates).toMatchObject({ careOverdue: 'tpl-care-overdue', carePaired: 'tpl-care-paired', offer: 'tpl-seat-offer' });
});

test("a pairing reaches the volunteer's phone once; an overdue visit each committee member's, in her language, once per period", async () => {
  const committee = await Client.signIn(suite.cloud.url, 'demo-committee');
  // 张主任 reads English: her overdue message is written in it.
  await dataOf(committee.call('account', 'account.updateProfile', { locale: 'en' }));
  const volunteer = await residentOf(suite.cloud.url, 'carewx-v1');
  const { volunteerNo } = await registerVolunteer(volunteer, idFor('19800202', '502'));
  const person = await dataOf<CareRecipientView>(committee.call('care', 'care.register', PERSON));

  // The same pairing request sent twice (a retry) is one pairing, one message.
  const pairing = { recipientId: person.id, volunteerNo };
  await dataOf(committee.call('care', 'care.pair', pairing, 'carewx-pair-1'));
  await dataOf(committee.call('care', 'care.pair', pairing, 'carewx-pair-1'));
  const paired = await sentMessages(suite.cloud.url, 'carewx-v1');
  expect(paired).toHaveLength(1);
  expect(paired[0]).toMatchObject({ templateId: 'tpl-care-paired', page: 'package-care/mine/index' });
  expectValidData(paired[0]!);
  // The person's name never leaves in a message: the page behind it checks who asks.
  expect(JSON.stringify(paired[0])).not.toContain('孙奶奶');

  await db.collection('care_recipients').doc(person.id).update({ registeredDay: daysAgo(9), dueDay: daysAgo(2) });
  const fire = async () => expect((await fetch(`${suite.cloud.url}/api/dev/timers/care/flagOverdue`, { method: 'POST' })).status).toBe(200);
  await fire();
  await fire();
  const overdue = (await sentMessages(suite.cloud.url, 'demo-committee')).filter((m) => m.templateId === 'tpl-care-overdue');
  expect(overdue).toHaveLength(1);
  expect(overdue[0]).toMatchObject({ page: `package-care/person/index?id=${person.id}` });
  // Her language (a `thing` keyword holds 20 characters: the title is fitted, not refused).
  expect(overdue[0]!.data.thing1!.value).toMatch(/^A care visit is/);
  expectValidData(overdue[0]!);
  expect(JSON.stringify(overdue[0])).not.toContain('孙奶奶');
  // The volunteer is not the one told of it.
  expect((await sentMessages(suite.cloud.url, 'carewx-v1')).filter((m) => m.templateId === 'tpl-care-overdue')).toEqual([]);
});

test("a freed seat offered to a resident without a phone reaches her proxy's phone, naming her, once", async () => {
  const committee = await Client.signIn(suite.cloud.url, 'demo-committee');
  await dataOf(committee.call('account', 'account.updateProfile', { locale: 'zh-CN' }));
  const daughter = await Client.signIn(suite.cloud.url, 'carewx-daughter', '小芳');
  const daughterId = (await dataOf<AccountMeOutput>(daughter.call('account', 'account.me', {}, null))).account.id;
  const { residentUserId } = await dataOf<{ residentUserId: string }>(
    committee.call('signups', 'proxies.createResident', { nickname: '刘奶奶', homeCommunityId: 'cm-beiyuan', proxyUserId: daughterId, relation: 'family', witness: { form: 'paper', ref: 'BY-2026-009' } }),
  );
  const leader = await Client.signIn(suite.cloud.url, 'carewx-leader');
  const groupId = await createGroup(db, { leader: 'carewx-leader' });
  const { ids } = await dataOf<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 1, volunteer: null, startAt: inHours(48), endAt: inHours(50) })));
  const first = await Client.signIn(suite.cloud.url, 'carewx-first');
  await dataOf(first.call('signups', 'signups.create', { activityId: ids[0] }));
  await dataOf(daughter.call('signups', 'signups.create', { activityId: ids[0], forUserId: residentUserId }));
  // The seat frees up: the offer is hers, told to her proxy's phone.
  await dataOf(first.call('signups', 'signups.cancel', { activityId: ids[0] }));
  const offers = (await sentMessages(suite.cloud.url, 'carewx-daughter')).filter((m) => m.templateId === 'tpl-seat-offer');
  expect(offers).toHaveLength(1);
  expect(offers[0]!.data.thing1!.value).toContain('为 刘奶奶');
  expectValidData(offers[0]!);
  // Nothing is sent to the placeholder openid of a resident without a phone.
  expect(await sentMessages(suite.cloud.url, `noaccount:${residentUserId}`)).toEqual([]);
});
