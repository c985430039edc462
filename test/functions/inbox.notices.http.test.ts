/**
 * The inbox as the resident's record of her own events, in her language, over HTTP against a
 * started local cloud with the emulated WeChat: her sign-ups, cancellations, offers, credited
 * hours and store pickups each told once (double taps included); notices and subscribe messages
 * in English for an English reader — group, moderation and hub notices too, and the roster
 * export in its leader's language; failed sends counted for the staff over her community.
 *
 * Spans functions by nature (issue 17): the notices are written by signups, volunteers, credits,
 * groups, members, hubs and moderation and read through the inbox, so it is named by the inbox.
 */
import ExcelJS from 'exceljs';
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import type { CaseView } from '../../src/shared/schemas/moderation';
import type { RedemptionView, StoreItemView } from '../../src/shared/schemas/credits';
import type { NotifyFailuresSummaryOutput } from '../../src/shared/schemas/console';
import { createActivity, createAttendance, createGroup, createPost, databaseOf, grantRole, type Db } from '../support/fixtures';
import { Client, cloudSuite, dataOf } from '../support/localCloud';
import { sentMessages, setWeChatFaults } from '../support/wechat';
import { keywordProblem } from '../../cloudfunctions/_core/ports/wechat/keywords';

const suite = cloudSuite({
  env: {
    LINLI_TEMPLATE_SEAT_OFFER_ID: 'tpl-seat-offer',
    LINLI_TEMPLATE_SEAT_OFFER_KEYS: 'thing1:title,thing2:body',
    LINLI_TEMPLATE_SIGNUP_CONFIRMED_ID: 'tpl-signup',
    LINLI_TEMPLATE_SIGNUP_CONFIRMED_KEYS: 'thing1:title,thing2:body,time3:sentAt',
  },
});
let db: Db;
beforeAll(() => {
  db = databaseOf(suite.cloud);
});

const data = dataOf;
type Inbox = { items: Array<{ id: string; kind: string; title: string; body: string }>; unread: number };
const inboxOf = (client: Client) => data<Inbox>(client.call('inbox', 'inbox.list', { limit: 50 }, null));
const kindsOf = async (client: Client) => (await inboxOf(client)).items.map((item) => item.kind).sort();

async function resident(openid: string, profile: Record<string, unknown> = {}): Promise<Client> {
  const client = await Client.signIn(suite.cloud.url, openid);
  await data(client.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan', ...profile }));
  return client;
}

function expectValidData(message: { data: Record<string, { value: string }> }) {
  for (const [key, { value }] of Object.entries(message.data)) expect([key, keywordProblem(key, value)]).toEqual([key, null]);
}

test('an English reader gets her notices and subscribe messages in English; switching back re-reads them in Chinese; old notices stay as stored', async () => {
  const groupId = await createGroup(db, { leader: 'ntc-en-leader' });
  const activityId = await createActivity(db, groupId, 'ntc-en-leader', { capacity: 1, startsInHours: 48 });
  const zh = await resident('ntc-zh');
  const en = await resident('ntc-en', { locale: 'en' });
  expect((await data<{ account: { locale: string } }>(en.call('account', 'account.me', {}, null))).account.locale).toBe('en');

  await data(zh.call('signups', 'signups.create', { activityId }));
  await data(en.call('signups', 'signups.create', { activityId }));
  await data(zh.call('signups', 'signups.cancel', { activityId }));

  const english = await inboxOf(en);
  expect(english.items.map((item) => [item.kind, item.title])).toEqual([
    ['seat_offer', 'A place is free for you'],
    ['signup_waitlisted', 'You are on the waitlist'],
  ]);
  expect(english.items[0]!.body).toMatch(/^A place at ".+" is free\. Please confirm within \d+ hours\.$/);
  expect(english.items[1]!.body).toMatch(/You are number 1 on the waitlist/);
  // Her phone's message is English too, and valid for its keywords (thing ≤ 20 characters).
  const messages = await sentMessages(suite.cloud.url, 'ntc-en');
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ templateId: 'tpl-seat-offer', data: { thing1: { value: 'A place is free for…' } } });
  expect(messages[0]!.data.thing2!.value).toMatch(/^A place at "/);
  expectValidData(messages[0]!);

  // The Chinese reader's own notices, in Chinese; her sign-up went to the phone in Chinese.
  const chinese = await inboxOf(zh);
  expect(chinese.items.map((item) => [item.kind, item.title])).toEqual([
    ['signup_cancelled', '已取消报名'],
    ['signup_confirmed', '报名成功'],
  ]);
  expect((await sentMessages(suite.cloud.url, 'ntc-zh'))[0]).toMatchObject({ templateId: 'tpl-signup', data: { thing1: { value: '报名成功' } } });

  // Back to Chinese: the same stored notices now read in Chinese.
  await data(en.call('account', 'account.updateProfile', { locale: 'zh-CN' }));
  expect((await inboxOf(en)).items.map((item) => item.title)).toEqual(['候补转正机会', '已进入候补']);
  // A notice stored before the catalogue (title and body only) is shown as it was written.
  const enId = (await data<{ account: { id: string } }>(en.call('account', 'account.me', {}, null))).account.id;
  await db.collection('inbox').add({ _id: `old-${enId}`, userId: enId, kind: 'seat_offer', title: '旧通知', body: '旧正文', link: null, readAt: null, createdAt: new Date(0) });
  expect((await inboxOf(en)).items.at(-1)).toMatchObject({ title: '旧通知', body: '旧正文' });
});

test('join requests and their decisions, moderation, report and appeal outcomes read in each recipient’s language', async () => {
  const groupId = await createGroup(db, { leader: 'ntc-tx-leader', joinPolicy: 'approval' });
  const leader = await resident('ntc-tx-leader', { locale: 'en' });
  const amy = await resident('ntc-tx-amy', { locale: 'en', nickname: 'Amy' });
  const wang = await resident('ntc-tx-wang', { nickname: '王阿姨' });
  const idOf = async (client: Client) => (await data<{ account: { id: string } }>(client.call('account', 'account.me', {}, null))).account.id;
  const groupName = (await db.collection('groups').doc(groupId).get()).data[0]!.name as string;

  // Two requests: the English leader reads both in English, whatever the applicant's language.
  await data(amy.call('groups', 'groups.join', { groupId }));
  await data(wang.call('groups', 'groups.join', { groupId }));
  expect((await inboxOf(leader)).items.filter((n) => n.kind === 'join_request').map((n) => [n.title, n.body])).toEqual([
    ['New join request', `王阿姨 asked to join "${groupName}".`],
    ['New join request', `Amy asked to join "${groupName}".`],
  ]);

  // The decisions: each applicant reads hers in her own language.
  await data(leader.call('members', 'members.decide', { groupId, userId: await idOf(amy), decision: 'approve' }));
  await data(leader.call('members', 'members.decide', { groupId, userId: await idOf(wang), decision: 'reject', reason: '暂不招新' }));
  expect((await inboxOf(amy)).items.filter((n) => n.kind === 'join_decision').map((n) => [n.title, n.body])).toEqual([['Join request approved', `Welcome to "${groupName}".`]]);
  expect((await inboxOf(wang)).items.filter((n) => n.kind === 'join_decision').map((n) => [n.title, n.body])).toEqual([['入组申请未通过', `「${groupName}」：暂不招新`]]);

  // Amy's post is reported by the (English) leader; the committee finds nothing wrong, then warns her anyway.
  const postId = await createPost(db, groupId, 'ntc-tx-amy');
  await data(leader.call('moderation', 'reports.create', { targetType: 'post', targetId: postId, reason: 'spam' }));
  const committee = await Client.signIn(suite.cloud.url, 'demo-committee');
  const caseId = (await data<{ items: CaseView[] }>(committee.call('moderation', 'moderation.queue', {}, null))).items.find((c) => c.targetId === postId)!.id;
  await data(committee.call('moderation', 'moderation.decide', { caseId, action: 'dismiss', reason: '经核实为正常通知' }));
  const report = (await inboxOf(leader)).items.find((n) => n.kind === 'report')!;
  expect(report).toMatchObject({ title: 'Your report was looked into', body: `We checked "${groupName}", which you reported, and found nothing against the rules, so it stays visible. Thank you for caring about your community.` });
  expect(JSON.stringify(report)).not.toContain('经核实为正常通知');

  await data(committee.call('moderation', 'moderation.decide', { caseId, action: 'warn', reason: '请勿发布广告' }));
  expect((await inboxOf(amy)).items[0]).toMatchObject({
    kind: 'moderation',
    title: 'A warning about your content',
    body: `"${groupName}" received a warning: 请勿发布广告. If you disagree, you may appeal once under Me → Moderation notices.`,
  });
  await data(amy.call('moderation', 'moderation.appeal', { caseId, text: '这是小组正常的活动通知。' }));
  const street = await Client.signIn(suite.cloud.url, 'demo-street');
  await data(street.call('moderation', 'moderation.decideAppeal', { caseId, uphold: true, reason: '维持警告' }));
  expect((await inboxOf(amy)).items[0]).toMatchObject({ kind: 'appeal', title: 'Appeal not accepted', body: `The decision on "${groupName}" stands: 维持警告` });

  // The same stored notices read in Chinese once she switches, as they always did.
  await data(amy.call('account', 'account.updateProfile', { locale: 'zh-CN' }));
  expect((await inboxOf(amy)).items.slice(0, 2).map((n) => [n.kind, n.title, n.body])).toEqual([
    ['appeal', '申诉未通过', `「${groupName}」维持原处理：维持警告`],
    ['moderation', '你的内容收到警告', `「${groupName}」收到警告：请勿发布广告。如有异议，可在“我的 → 处理通知”中申诉一次。`],
  ]);
});

test('a member removed, a member made leader and a group invited to a hub read it in their language', async () => {
  const groupId = await createGroup(db, { leader: 'ntc-lx-leader', members: ['ntc-lx-bob', 'ntc-lx-cat'] });
  const groupName = (await db.collection('groups').doc(groupId).get()).data[0]!.name as string;
  const leader = await resident('ntc-lx-leader');
  const bob = await resident('ntc-lx-bob', { locale: 'en' });
  const cat = await resident('ntc-lx-cat', { locale: 'en' });
  const idOf = async (client: Client) => (await data<{ account: { id: string } }>(client.call('account', 'account.me', {}, null))).account.id;
  await data(leader.call('members', 'members.remove', { groupId, userId: await idOf(bob), reason: '长期未参加活动' }));
  expect((await inboxOf(bob)).items.map((n) => [n.kind, n.title, n.body])).toEqual([['member_removed', 'Removed from a group', `"${groupName}": 长期未参加活动`]]);
  await data(leader.call('groups', 'groups.transferLeadership', { groupId, userId: await idOf(cat) }));
  expect((await inboxOf(cat)).items.map((n) => [n.kind, n.title, n.body])).toEqual([
    ['leadership', 'You are now the leader', `You are now the leader of "${groupName}"; the leadership was handed over to you.`],
  ]);

  // Now its leader, she is invited by a hub of the street, in English too.
  const hubId = await createGroup(db, { type: 'hub', managementLevel: 'filed', communityId: null, streetId: 'st-chengguan', leader: 'ntc-lx-hub' });
  const hubName = (await db.collection('groups').doc(hubId).get()).data[0]!.name as string;
  await data((await resident('ntc-lx-hub')).call('hubs', 'hubs.invite', { hubId, groupId }));
  expect((await inboxOf(cat)).items[0]).toMatchObject({ kind: 'hub_invite', title: 'Invitation from a hub', body: `"${hubName}" invited "${groupName}" to join it.` });
});

test('the roster export speaks the language of the leader who asks for it', async () => {
  const groupId = await createGroup(db, { leader: 'ntc-rx-leader' });
  const activityId = await createActivity(db, groupId, 'ntc-rx-leader', { capacity: 1, startsInHours: 48 });
  const leader = await resident('ntc-rx-leader', { locale: 'en' });
  await data((await resident('ntc-rx-a', { nickname: 'Amy' })).call('signups', 'signups.create', { activityId }));
  await data((await resident('ntc-rx-b', { nickname: '王阿姨' })).call('signups', 'signups.create', { activityId }));
  const sheetOf = async () => {
    const { url } = await data<{ url: string }>(leader.call('signups', 'signups.rosterExport', { activityId }, null));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await fetch(url)).arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows = [1, 2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1, 4));
    return { name: sheet.name, rows };
  };
  expect(await sheetOf()).toEqual({
    name: 'Sign-ups',
    rows: [['No.', 'Name', 'Status'], [1, 'Amy', 'Signed up'], [2, '王阿姨', 'Waitlisted']],
  });
  await data(leader.call('account', 'account.updateProfile', { locale: 'zh-CN' }));
  expect(await sheetOf()).toEqual({
    name: '报名名单',
    rows: [['序号', '昵称', '状态'], [1, 'Amy', '已确认'], [2, '王阿姨', '候补中']],
  });
});

test('her own sign-up, cancellation and confirmed offer are each told once, double taps included', async () => {
  const groupId = await createGroup(db, { leader: 'ntc-tap-leader' });
  const activityId = await createActivity(db, groupId, 'ntc-tap-leader', { capacity: 1, startsInHours: 48 });
  const me = await resident('ntc-tap');
  const other = await resident('ntc-tap-other');
  // A double tap: two calls with their own request ids, at once.
  const taps = await Promise.all([me.call('signups', 'signups.create', { activityId }), me.call('signups', 'signups.create', { activityId })]);
  expect(taps.filter((tap) => tap.status === 200).length).toBeGreaterThanOrEqual(1);
  expect(await kindsOf(me)).toEqual(['signup_confirmed']);

  await data(other.call('signups', 'signups.create', { activityId }));
  const cancels = await Promise.all([me.call('signups', 'signups.cancel', { activityId }), me.call('signups', 'signups.cancel', { activityId })]);
  expect(cancels.map((c) => c.status).sort()).toEqual([200, 409]);
  expect(await kindsOf(me)).toEqual(['signup_cancelled', 'signup_confirmed']);

  // The other resident was waiting: offered, she confirms (twice at once); told once.
  const confirms = await Promise.all([other.call('signups', 'signups.confirmOffer', { activityId }), other.call('signups', 'signups.confirmOffer', { activityId })]);
  expect(confirms.map((c) => c.status).sort()).toEqual([200, 409]);
  expect(await kindsOf(other)).toEqual(['offer_confirmed', 'seat_offer', 'signup_waitlisted']);
  expect((await inboxOf(other)).items[0]!.body).toMatch(/^你已确认「.+」的空位，报名成功$/);
});

test('credited hours and a store redemption and pickup are each told once, in her language', async () => {
  const groupId = await createGroup(db, { leader: 'ntc-vol-leader', members: ['ntc-vol'] });
  const activityId = await createActivity(db, groupId, 'ntc-vol-leader', { startsInHours: -3, volunteer: { plannedHours: 2, creditsPerHour: 30 } });
  const volunteer = await resident('ntc-vol', { locale: 'en' });
  const first17 = '11010519850505' + '881';
  await data(volunteer.call('volunteers', 'volunteers.register', { realName: '周慧', idType: 'mainland_id', idNumber: `${first17}${mainlandCheckChar(first17)}`, phone: '13812345678', skills: ['急救'], sensitiveConsent: true }));
  const signupId = await createAttendance(db, activityId, 'ntc-vol', 0, 120);
  const leader = await Client.signIn(suite.cloud.url, 'ntc-vol-leader');
  // Two leaders' taps at once (own request ids): one record, one notice.
  await Promise.all([leader.call('volunteers', 'hours.confirm', { activityId, items: [{ signupId }] }), leader.call('volunteers', 'hours.confirm', { activityId, items: [{ signupId }] })]);
  await data(leader.call('volunteers', 'hours.confirm', { activityId, items: [{ signupId }] }));
  let inbox = await inboxOf(volunteer);
  expect(inbox.items.filter((item) => item.kind === 'hours_credited')).toEqual([
    expect.objectContaining({ title: 'Volunteer hours recorded', body: expect.stringMatching(/^2 h for ".+" were added to your volunteer record, earning 60 credits\.$/) }),
  ]);

  const committee = await Client.signIn(suite.cloud.url, 'demo-committee');
  const item = await data<StoreItemView>(committee.call('credits', 'store.saveItem', { communityId: 'cm-beiyuan', name: '保温杯', cost: 20, stock: 5, perPersonLimit: 1 }));
  const redeemed = await data<RedemptionView>(volunteer.call('credits', 'store.redeem', { itemId: item.id }));
  const pickups = await Promise.all([
    committee.call('credits', 'store.fulfil', { communityId: 'cm-beiyuan', pickupCode: redeemed.pickupCode }),
    committee.call('credits', 'store.fulfil', { communityId: 'cm-beiyuan', pickupCode: redeemed.pickupCode }),
  ]);
  expect(pickups.map((p) => p.status).sort()).toEqual([200, 409]);
  inbox = await inboxOf(volunteer);
  expect(inbox.items.filter((n) => n.kind.startsWith('store_')).map((n) => [n.kind, n.title])).toEqual([
    ['store_picked_up', 'Item picked up'],
    ['store_redeemed', 'Item redeemed'],
  ]);
  // The pickup code stays in the store page; the notice does not spread it.
  expect(JSON.stringify(inbox.items)).not.toContain(redeemed.pickupCode);
});

test('failed subscribe messages are counted for the staff over the recipient, by kind and error, with the recipient masked', async () => {
  const groupId = await createGroup(db, { leader: 'ntc-f-leader', communityId: 'cm-taoyuan' });
  const activityId = await createActivity(db, groupId, 'ntc-f-leader', { capacity: 5, startsInHours: 48 });
  const staff = await Promise.all(['ntc-f-committee', 'ntc-f-street', 'ntc-f-far', 'ntc-f-resident'].map((openid) => Client.signIn(suite.cloud.url, openid)));
  const [committee, street, far, plain] = staff as [Client, Client, Client, Client];
  await grantRole(db, 'ntc-f-committee', 'committee', 'cm-taoyuan');
  await grantRole(db, 'ntc-f-street', 'street', 'st-taoyuan');
  await grantRole(db, 'ntc-f-far', 'committee', 'cm-xinghua');

  const summaryOf = (client: Client, regionId: string) => client.call<NotifyFailuresSummaryOutput>('console', 'notifyFailures.summary', { regionId }, null);
  const before = await data<NotifyFailuresSummaryOutput>(summaryOf(committee, 'cm-taoyuan'));

  const [refused, invalid, fine] = await Promise.all(
    [['ntc-f-a', '赵大妈'], ['ntc-f-b', '钱大爷'], ['ntc-f-c', '孙阿姨']].map(([openid, nickname]) => resident(openid!, { homeCommunityId: 'cm-taoyuan', nickname })),
  );
  await setWeChatFaults(suite.cloud.url, [
    { api: 'subscribeMessage.send', openid: 'ntc-f-a', errcode: 43101 },
    { api: 'subscribeMessage.send', openid: 'ntc-f-b', errcode: 40003 },
  ]);
  for (const client of [refused!, invalid!, fine!]) expect((await client.call('signups', 'signups.create', { activityId })).status).toBe(200);
  await setWeChatFaults(suite.cloud.url, []);
  // The sign-ups themselves went through, and each is in its inbox.
  for (const client of [refused!, invalid!, fine!]) expect(await kindsOf(client)).toEqual(['signup_confirmed']);

  const summary = await data<NotifyFailuresSummaryOutput>(summaryOf(committee, 'cm-taoyuan'));
  expect(summary.total - before.total).toBe(2);
  expect(summary.byKind.find((k) => k.kind === 'signup_confirmed')!.count - (before.byKind.find((k) => k.kind === 'signup_confirmed')?.count ?? 0)).toBe(2);
  const countOf = (s: NotifyFailuresSummaryOutput, errcode: number) => s.byError.find((e) => e.errcode === errcode)?.count ?? 0;
  expect([countOf(summary, 43101) - countOf(before, 43101), countOf(summary, 40003) - countOf(before, 40003)]).toEqual([1, 1]);
  expect(summary.latest.slice(0, 2).map((f) => [f.recipient, f.errcode]).sort()).toEqual([
    ['赵＊', 43101],
    ['钱＊', 40003],
  ]);
  expect(JSON.stringify(summary)).not.toMatch(/赵大妈|钱大爷|ntc-f-a|ntc-f-b/);

  // The street above sees the same failures; staff elsewhere and residents see nothing.
  expect((await data<NotifyFailuresSummaryOutput>(summaryOf(street, 'st-taoyuan'))).total).toBeGreaterThanOrEqual(summary.total);
  const elsewhere = await summaryOf(far, 'cm-taoyuan');
  expect([elsewhere.status, elsewhere.body.ok ? null : elsewhere.body.error.code]).toEqual([404, 'NOT_FOUND']);
  expect((await data<NotifyFailuresSummaryOutput>(summaryOf(far, 'cm-xinghua'))).latest.map((f) => f.recipient)).not.toContain('赵＊');
  // A resident is answered as if the region's view did not exist (DESIGN §4: NOT_FOUND == FORBIDDEN).
  const asResident = await summaryOf(plain, 'cm-taoyuan');
  expect([asResident.status, asResident.body.ok ? null : asResident.body.error.code]).toEqual([404, 'NOT_FOUND']);
});
