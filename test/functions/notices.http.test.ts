/**
 * Committee notices over the HTTP face: staff post a notice to a community and every resident of
 * it — and nobody else — finds it in the inbox with the unread badge one higher; a read is marked
 * once however often (and however concurrently) she opens it, so the read count is right; drafts
 * are edited before they go out and reach nobody; a withdrawn notice leaves every inbox; urgent
 * ones are pinned on the home page until she dismisses them; subscribe messages go out from a job
 * on the timer — never in the posting call — once per subscribed resident, run twice or not.
 * Then who may do what (NOT_FOUND where existence is private) and bad input, each denial writing
 * nothing.
 */
import type { NoticeReadCounts, NoticesListOutput, NoticesPinnedOutput, NoticeView } from '../../src/shared/schemas/notices';
import { snapshotDatabase } from '../support/dbSnapshot';
import { databaseOf, grantRole, type Db } from '../support/fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';
import { sentMessages, waitFor } from '../support/wechat';

let cloud: RunningCloud;
let db: Db;
let committee: Client;
let street: Client;
let county: Client;
let otherCommittee: Client;
let a: Client;
let b: Client;
let far: Client;
let homeless: Client;

/** Everything a refused call could write; these change on every call (counters, request marks). */
const IGNORED = ['idempotency', 'rate_limits', 'users'];
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();
const WATER = { communityId: 'cm-beiyuan', title: '明天停水通知', body: '因管网维修，明天8:00至18:00北苑1-6号楼停水，请提前储水。', kind: 'water_power', urgent: false };

interface InboxPage {
  items: Array<{ id: string; kind: string; title: string; body: string; link: string | null; read: boolean }>;
  total: number;
  unread: number;
}

async function resident(openid: string, communityId: string | null): Promise<Client> {
  const client = await Client.signIn(cloud.url, openid, openid);
  if (communityId) await dataOf(client.call('account', 'account.updateProfile', { homeCommunityId: communityId }));
  return client;
}

const inboxOf = (client: Client) => dataOf<InboxPage>(client.call('inbox', 'inbox.list', { limit: 50 }, null));
const noticeIn = async (client: Client, noticeId: string) => (await inboxOf(client)).items.find((item) => item.id === `notice:${noticeId}`);
const post = (by: Client, input: Record<string, unknown>, requestId?: string) => dataOf<NoticeView>(by.call('notices', 'notices.post', { validUntil: inDays(2), ...input }, requestId));
const fireJobs = async () => (await (await fetch(`${cloud.url}/api/dev/timers/notices/runJobs`, { method: 'POST' })).json()) as { ok: boolean };

beforeAll(async () => {
  cloud = await startCloud({ env: { LINLI_TEMPLATE_NOTICE_ID: 'tpl-notice', LINLI_TEMPLATE_NOTICE_KEYS: 'thing1:title,thing2:body' } });
  db = databaseOf(cloud);
  committee = await Client.signIn(cloud.url, 'demo-committee');
  street = await Client.signIn(cloud.url, 'demo-street');
  county = await Client.signIn(cloud.url, 'demo-county');
  await grantRole(db, 'nt-other-committee', 'committee', 'cm-nanhu');
  otherCommittee = await resident('nt-other-committee', 'cm-nanhu');
  a = await resident('nt-a', 'cm-beiyuan');
  b = await resident('nt-b', 'cm-beiyuan');
  far = await resident('nt-far', 'cm-nanhu');
  homeless = await resident('nt-homeless', null);
}, 120_000);
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

test('a posted notice reaches every resident of the community (badge +1) and nobody else; a retry posts nothing twice', async () => {
  const before = await Promise.all([a, b, far, homeless, otherCommittee].map(inboxOf));
  const requestId = 'notice-water-000001';
  const input = { ...WATER, validUntil: inDays(2) };
  const notice = await post(committee, input, requestId);
  expect(notice).toMatchObject({ title: WATER.title, status: 'published', live: true, communityName: '北苑社区', read: false, image: null });
  expect(notice.abilities).toEqual(expect.arrayContaining(['notices.view', 'notices.withdraw', 'notices.readCounts']));
  const replay = await post(committee, input, requestId);
  expect(replay.id).toBe(notice.id);
  expect((await db.collection('notices').where({ communityId: 'cm-beiyuan', title: WATER.title }).count()).total).toBe(1);
  expect((await db.collection('audit_log').where({ action: 'notice.publish', targetId: notice.id }).count()).total).toBe(1);

  const after = await Promise.all([a, b, far, homeless, otherCommittee].map(inboxOf));
  for (const i of [0, 1]) {
    expect(after[i]!.unread).toBe(before[i]!.unread + 1);
    expect(after[i]!.total).toBe(before[i]!.total + 1);
    expect(after[i]!.items[0]).toEqual({
      id: `notice:${notice.id}`,
      kind: 'notice',
      title: WATER.title,
      body: WATER.body,
      link: `package-notices/detail/index?id=${notice.id}`,
      createdAt: notice.publishedAt,
      read: false,
    });
  }
  for (const i of [2, 3, 4]) {
    expect(after[i]).toEqual(before[i]);
    expect(after[i]!.items.some((item) => item.id === `notice:${notice.id}`)).toBe(false);
  }
  // The resident reads it as a resident: no staff abilities, no withdraw reason.
  expect(await dataOf<NoticeView>(a.call('notices', 'notices.get', { noticeId: notice.id }, null))).toMatchObject({ id: notice.id, abilities: ['notices.view', 'notices.dismiss'] });
  // Nothing was written per resident: one notice document, no read marks yet.
  expect((await db.collection('notice_reads').where({ noticeId: notice.id }).count()).total).toBe(0);
});

test('an urgent notice says so in both languages', async () => {
  const notice = await post(committee, { ...WATER, title: '暴雨红色预警', body: '今夜有特大暴雨，请勿外出，低洼处居民请转移。', kind: 'weather', urgent: true });
  expect((await noticeIn(a, notice.id))?.title).toBe('【紧急】暴雨红色预警');
  await dataOf(b.call('account', 'account.updateProfile', { locale: 'en' }));
  expect((await noticeIn(b, notice.id))?.title).toBe('[Urgent] 暴雨红色预警');
  await dataOf(b.call('account', 'account.updateProfile', { locale: 'zh-CN' }));
  await dataOf(committee.call('notices', 'notices.withdraw', { noticeId: notice.id, reason: '预警已解除' }));
});

test('a read is marked once, however often and however concurrently she opens it; the read count is the residents who read', async () => {
  const notice = await post(committee, { ...WATER, title: '疫苗接种通知', body: '周六上午在社区卫生服务站接种流感疫苗，请带身份证。', kind: 'health' });
  const readers = await Promise.all(Array.from({ length: 8 }, (_, i) => resident(`nt-reader-${i}`, 'cm-beiyuan')));
  const unreadBefore = await Promise.all(readers.map(async (r) => (await inboxOf(r)).unread));
  // Every reader opens it three times at once, and dismisses it at the same time.
  await Promise.all(
    readers.flatMap((r) => [
      ...Array.from({ length: 3 }, () => dataOf(r.call('inbox', 'inbox.markRead', { ids: [`notice:${notice.id}`] }))),
      dataOf(r.call('notices', 'notices.dismiss', { noticeId: notice.id })),
    ]),
  );
  expect((await db.collection('notice_reads').where({ noticeId: notice.id }).count()).total).toBe(8);
  const counts = await dataOf<NoticeReadCounts>(committee.call('notices', 'notices.readCounts', { noticeId: notice.id }, null));
  const residents = (await db.collection('users').where({ homeCommunityId: 'cm-beiyuan' }).count()).total;
  expect(counts).toEqual({ noticeId: notice.id, read: 8, residents });
  for (const [i, r] of readers.entries()) {
    const page = await inboxOf(r);
    expect(page.unread).toBe(unreadBefore[i]! - 1);
    expect(page.items.find((item) => item.id === `notice:${notice.id}`)?.read).toBe(true);
  }
  // Marking all read covers notices too; a notice id of another community marks nothing.
  const nanhu = await post(otherCommittee, { ...WATER, communityId: 'cm-nanhu', title: '南湖停电通知' });
  await dataOf(a.call('inbox', 'inbox.markRead', { ids: [`notice:${nanhu.id}`] }));
  expect((await db.collection('notice_reads').where({ noticeId: nanhu.id }).count()).total).toBe(0);
  expect((await dataOf<{ unread: number }>(a.call('inbox', 'inbox.markRead', {}))).unread).toBe(0);
  expect((await inboxOf(a)).items.filter((item) => item.kind === 'notice').every((item) => item.read)).toBe(true);
  expect((await dataOf<NoticeReadCounts>(committee.call('notices', 'notices.readCounts', { noticeId: notice.id }, null))).read).toBe(9);
});

test('a draft reaches nobody until it is published; only a draft can change', async () => {
  const draft = await post(committee, { ...WATER, title: '电梯检修草稿', body: '3号楼电梯周三检修一天。', publish: false });
  expect(draft).toMatchObject({ status: 'draft', live: false, publishedAt: null });
  expect(await noticeIn(a, draft.id)).toBeUndefined();
  expect((await a.call('notices', 'notices.get', { noticeId: draft.id }, null)).status).toBe(404);
  const edited = await dataOf<NoticeView>(committee.call('notices', 'notices.update', { noticeId: draft.id, title: '电梯检修通知', urgent: true }));
  expect(edited).toMatchObject({ title: '电梯检修通知', urgent: true, status: 'draft' });
  expect(await noticeIn(a, draft.id)).toBeUndefined();
  const published = await dataOf<NoticeView>(committee.call('notices', 'notices.update', { noticeId: draft.id, publish: true }));
  expect(published).toMatchObject({ status: 'published', live: true });
  expect((await noticeIn(a, draft.id))?.title).toBe('【紧急】电梯检修通知');
  const late = await committee.call('notices', 'notices.update', { noticeId: draft.id, title: '改个标题' });
  expect([late.status, !late.body.ok && late.body.error.reason]).toEqual([409, 'notices.not_draft']);
  expect((await dataOf<NoticeView>(committee.call('notices', 'notices.get', { noticeId: draft.id }, null))).title).toBe('电梯检修通知');
  await dataOf(committee.call('notices', 'notices.withdraw', { noticeId: draft.id, reason: '检修改期' }));
});

test('a withdrawn notice leaves every inbox and the pin at once; staff still see it with the reason', async () => {
  const notice = await post(committee, { ...WATER, title: '燃气安全检查', body: '本周入户检查燃气管道，请留人在家。', kind: 'safety', urgent: true });
  const before = await inboxOf(b);
  expect(before.items[0]?.id).toBe(`notice:${notice.id}`);
  expect((await dataOf<NoticesPinnedOutput>(b.call('notices', 'notices.pinned', {}, null))).items.map((n) => n.id)).toContain(notice.id);
  const withdrawn = await dataOf<NoticeView>(committee.call('notices', 'notices.withdraw', { noticeId: notice.id, reason: '时间有误，将重新发布' }));
  expect(withdrawn).toMatchObject({ status: 'withdrawn', live: false, withdrawReason: '时间有误，将重新发布' });
  const after = await inboxOf(b);
  expect(after.items.some((item) => item.id === `notice:${notice.id}`)).toBe(false);
  expect([after.total, after.unread]).toEqual([before.total - 1, before.unread - 1]);
  expect((await dataOf<NoticesPinnedOutput>(b.call('notices', 'notices.pinned', {}, null))).items.map((n) => n.id)).not.toContain(notice.id);
  expect((await b.call('notices', 'notices.get', { noticeId: notice.id }, null)).status).toBe(404);
  expect((await b.call('notices', 'notices.dismiss', { noticeId: notice.id })).status).toBe(404);
  const again = await committee.call('notices', 'notices.withdraw', { noticeId: notice.id, reason: '再撤一次' });
  expect([again.status, !again.body.ok && again.body.error.reason]).toEqual([409, 'notices.not_published']);
  const list = await dataOf<NoticesListOutput>(committee.call('notices', 'notices.list', { communityId: 'cm-beiyuan' }, null));
  expect(list.items.find((n) => n.id === notice.id)).toMatchObject({ status: 'withdrawn', withdrawReason: '时间有误，将重新发布' });
});

test('urgent notices are pinned on the home page of her community until she dismisses them; her dismissal is kept', async () => {
  const urgent = await post(committee, { ...WATER, title: '今晚停电抢修', body: '今晚20:00至22:00停电抢修线路，请注意安全。', urgent: true });
  const plain = await post(committee, { ...WATER, title: '垃圾分类宣传', body: '周日上午在广场开展垃圾分类宣传。', kind: 'general' });
  const pinnedOf = async (client: Client) => (await dataOf<NoticesPinnedOutput>(client.call('notices', 'notices.pinned', {}, null))).items.map((n) => n.id);
  expect(await pinnedOf(a)).toContain(urgent.id);
  expect(await pinnedOf(a)).not.toContain(plain.id);
  expect(await pinnedOf(far)).toEqual([]);
  expect(await pinnedOf(homeless)).toEqual([]);
  expect((await far.call('notices', 'notices.dismiss', { noticeId: urgent.id })).status).toBe(404);
  await dataOf(a.call('notices', 'notices.dismiss', { noticeId: urgent.id }));
  await dataOf(a.call('notices', 'notices.dismiss', { noticeId: urgent.id }));
  expect(await pinnedOf(a)).not.toContain(urgent.id);
  expect(await pinnedOf(b)).toContain(urgent.id);
  // Dismissing is reading it.
  expect((await noticeIn(a, urgent.id))?.read).toBe(true);
  expect((await db.collection('notice_reads').where({ noticeId: urgent.id }).count()).total).toBe(1);
});

test('subscribe messages go out from the job on the timer, never in the post: once per subscribed resident, however often it runs', async () => {
  // The notices of the tests before go out first (to nobody: no one has consented yet).
  await fireJobs();
  const subscriber = await resident('nt-sub-1', 'cm-beiyuan');
  const twice = await resident('nt-sub-2', 'cm-beiyuan');
  const moved = await resident('nt-sub-moved', 'cm-beiyuan');
  const farSub = await resident('nt-sub-far', 'cm-nanhu');
  expect(await dataOf(subscriber.call('notices', 'notices.subscribe', { accepted: true }))).toEqual({ remaining: 1 });
  await dataOf(twice.call('notices', 'notices.subscribe', { accepted: true }));
  expect(await dataOf(twice.call('notices', 'notices.subscribe', { accepted: true }))).toEqual({ remaining: 2 });
  await dataOf(moved.call('notices', 'notices.subscribe', { accepted: true }));
  await dataOf(moved.call('account', 'account.updateProfile', { homeCommunityId: 'cm-dongmen' }));
  await dataOf(farSub.call('notices', 'notices.subscribe', { accepted: true }));
  const noCommunity = await homeless.call('notices', 'notices.subscribe', { accepted: true });
  expect([noCommunity.status, !noCommunity.body.ok && noCommunity.body.error.reason]).toEqual([400, 'notices.no_community']);

  const count = async (client: Client) => (await sentMessages(cloud.url, client.openid!)).filter((m) => m.templateId === 'tpl-notice').length;
  const first = await post(committee, { ...WATER, title: '二次供水清洗', body: '周四上午清洗水箱，期间水压较低。' });
  // The post itself sent nothing.
  expect(await Promise.all([subscriber, twice, moved, farSub].map(count))).toEqual([0, 0, 0, 0]);
  expect((await fireJobs()).ok).toBe(true);
  expect((await fireJobs()).ok).toBe(true);
  expect(await Promise.all([subscriber, twice, moved, farSub].map(count))).toEqual([1, 1, 0, 0]);
  const [message] = await sentMessages(cloud.url, subscriber.openid!);
  expect(message).toMatchObject({ templateId: 'tpl-notice', page: `package-notices/detail/index?id=${first.id}`, data: { thing1: { value: '二次供水清洗' } } });
  expect((await db.collection('notice_sends').where({ noticeId: first.id }).count()).total).toBe(2);

  // Her one consent is used; a second notice reaches only who consented twice.
  await post(committee, { ...WATER, title: '路灯维修', body: '小区东侧路灯周五晚维修。', kind: 'safety' });
  await fireJobs();
  await fireJobs();
  expect(await Promise.all([subscriber, twice, moved, farSub].map(count))).toEqual([1, 2, 0, 0]);
  // A notice withdrawn before the timer runs sends nothing.
  await dataOf(subscriber.call('notices', 'notices.subscribe', { accepted: true }));
  const gone = await post(committee, { ...WATER, title: '错误通知', body: '这条通知发错了。', kind: 'general' });
  await dataOf(committee.call('notices', 'notices.withdraw', { noticeId: gone.id, reason: '发错了' }));
  await fireJobs();
  expect(await count(subscriber)).toBe(1);
  expect((await db.collection('notice_sends').where({ noticeId: gone.id }).count()).total).toBe(0);
});

test('an image shows to residents only once WeChat\'s image check passed it', async () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const { default: tcb } = await import('@cloudbase/node-sdk');
  const app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${cloud.url}/tcb/admin` });
  const fileID = (await app.uploadFile({ cloudPath: 'notices/cm-beiyuan/water.png', fileContent: PNG })).fileID!;
  const notice = await post(committee, { ...WATER, title: '停水区域图', body: '附图为停水楼栋范围。', image: fileID });
  expect(notice).toMatchObject({ image: null, imagePending: true });
  expect(await dataOf<NoticeView>(a.call('notices', 'notices.get', { noticeId: notice.id }, null))).toMatchObject({ image: null, imagePending: false });
  // The post submitted it to mediaCheckAsync; WeChat pushes the verdict (to the posts function),
  // and the notices timer's checkImages applies it.
  const fire = async () => (await (await fetch(`${cloud.url}/api/dev/timers/notices/checkImages`, { method: 'POST' })).json()) as { ok: boolean };
  await waitFor(async () => {
    expect((await fire()).ok).toBe(true);
    return !(await dataOf<NoticeView>(committee.call('notices', 'notices.get', { noticeId: notice.id }, null))).imagePending;
  });
  const seen = await dataOf<NoticeView>(a.call('notices', 'notices.get', { noticeId: notice.id }, null));
  expect(seen.image).not.toBeNull();
  expect(Buffer.from(await (await fetch(encodeURI(seen.image!))).arrayBuffer())).toEqual(PNG);
  await dataOf(committee.call('notices', 'notices.withdraw', { noticeId: notice.id, reason: '图已过时' }));
});

test('staff of another community cannot post, edit, withdraw or count; residents elsewhere cannot read; each denial writes nothing', async () => {
  const notice = await post(committee, { ...WATER, title: '楼道清理通知', body: '请于周末前清理楼道堆放杂物。', kind: 'safety' });
  const draft = await post(committee, { ...WATER, title: '草稿通知', body: '尚未发布的草稿。', publish: false });
  const snapshot = () => snapshotDatabase(cloud.dataDir, IGNORED);
  const before = snapshot();
  const denials: Array<[Client, string, Record<string, unknown>, number]> = [
    [otherCommittee, 'notices.post', { ...WATER, validUntil: inDays(1) }, 403],
    [a, 'notices.post', { ...WATER, validUntil: inDays(1) }, 403],
    [otherCommittee, 'notices.update', { noticeId: draft.id, title: '被改掉了' }, 404],
    [a, 'notices.update', { noticeId: draft.id, title: '被改掉了' }, 404],
    [otherCommittee, 'notices.withdraw', { noticeId: notice.id, reason: '越权撤回' }, 404],
    [a, 'notices.withdraw', { noticeId: notice.id, reason: '越权撤回' }, 403],
    [otherCommittee, 'notices.list', { communityId: 'cm-beiyuan' }, 403],
    [otherCommittee, 'notices.readCounts', { noticeId: notice.id }, 404],
    [a, 'notices.readCounts', { noticeId: notice.id }, 403],
    [otherCommittee, 'notices.get', { noticeId: draft.id }, 404],
    [far, 'notices.get', { noticeId: notice.id }, 404],
    [homeless, 'notices.get', { noticeId: notice.id }, 404],
    [far, 'notices.dismiss', { noticeId: notice.id }, 404],
    [a, 'notices.dismiss', { noticeId: draft.id }, 404],
    [a, 'notices.get', { noticeId: 'nt-does-not-exist' }, 404],
  ];
  for (const [client, action, input, status] of denials) {
    const answer = await client.call('notices', action, input);
    expect({ action, who: client.openid, status: answer.status }).toEqual({ action, who: client.openid, status });
    if (status === 404) expect(!answer.body.ok && answer.body.error.reason).toBe('notices.not_found');
  }
  expect(snapshot()).toBe(before);
  // The street and county above the community may run its notices; a street's notice to a community outside it is refused.
  const byStreet = await post(street, { ...WATER, title: '街道防汛通知', body: '汛期请关注街道发布的预警信息。', kind: 'weather' });
  expect(byStreet.communityName).toBe('北苑社区');
  await dataOf(county.call('notices', 'notices.withdraw', { noticeId: byStreet.id, reason: '合并发布' }));
  expect((await street.call('notices', 'notices.post', { ...WATER, communityId: 'cm-taoyuan', validUntil: inDays(1) })).status).toBe(403);
});

test('bad input is refused with a clear message and writes nothing', async () => {
  const before = snapshotDatabase(cloud.dataDir, IGNORED);
  const refusals: Array<[Record<string, unknown>, number, Array<{ path: string; message: string }> | string]> = [
    [{ ...WATER, validUntil: inDays(-1) }, 400, [{ path: 'validUntil', message: '有效期不能早于现在' }]],
    [{ ...WATER, validUntil: inDays(91) }, 400, [{ path: 'validUntil', message: '有效期最长 90 天' }]],
    [{ ...WATER, validUntil: 'tomorrow' }, 400, [{ path: 'validUntil', message: '请输入有效的时间' }]],
    [{ ...WATER, validUntil: inDays(1), kind: 'party' }, 400, [{ path: 'kind', message: '请选择通知类别' }]],
    [{ ...WATER, validUntil: inDays(1), title: '停' }, 400, [{ path: 'title', message: '至少 2 个字' }]],
    [{ ...WATER, validUntil: inDays(1), title: '停'.repeat(41) }, 400, [{ path: 'title', message: '不能超过 40 个字' }]],
    [{ ...WATER, validUntil: inDays(1), body: '停水\u0007通知' }, 400, [{ path: 'body', message: '包含不允许的控制字符' }]],
    [{ ...WATER, validUntil: inDays(1), communityId: { $gt: '' } }, 400, 'INVALID_INPUT'],
    [{ ...WATER, validUntil: inDays(1), image: 'javascript:alert(1)' }, 400, [{ path: 'image', message: '不是有效的文件地址' }]],
    [{ ...WATER, validUntil: inDays(1), communityId: 'cm-nowhere' }, 404, 'NOT_FOUND'],
    [{ ...WATER, validUntil: inDays(1), body: '招募刷单兼职，日结' }, 400, 'CONTENT_REJECTED'],
  ];
  for (const [input, status, expected] of refusals) {
    const answer = await committee.call('notices', 'notices.post', input);
    const error = !answer.body.ok ? answer.body.error : null;
    expect({ input, status: answer.status, got: typeof expected === 'string' ? error?.code : error?.issues }).toEqual({ input, status, got: expected });
  }
  const withdrawWithoutReason = await committee.call('notices', 'notices.withdraw', { noticeId: 'x1234567', reason: '' });
  expect(withdrawWithoutReason.status).toBe(400);
  const fakeConsent = await a.call('notices', 'notices.subscribe', { accepted: false });
  expect([fakeConsent.status, !fakeConsent.body.ok && fakeConsent.body.error.issues]).toEqual([400, [{ path: 'accepted', message: '只能记录已同意的订阅' }]]);
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
});
