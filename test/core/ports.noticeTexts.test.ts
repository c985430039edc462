/**
 * The server's notice catalogue: every kind reads in both languages with its params filled (no
 * "undefined", no empty title), English has no Chinese, proxies' copies say so, and notices
 * stored before the catalogue read as they were written.
 */
import { CATALOGUED_KINDS, isCatalogued, noticeLocaleOf, noticeTextFor, renderNotice, type CataloguedKind } from '../../cloudfunctions/_core/ports/noticeTexts';

const PARAMS = {
  activity: '太极体验课',
  startAt: '2026-12-06T07:00:00.000Z',
  deadline: '2026-12-06T08:30:00.000Z',
  meetAt: '2026-12-06T09:05:00.000Z',
  place: '北苑广场',
  position: 2,
  hours: 12,
  reason: '重复报名',
  content: '楼道清洁',
  minutes: 90,
  credits: 15,
  item: '保温杯',
  cost: 20,
  title: '防汛',
  body: '明日上午停水',
  needed: 5,
  group: '园艺小组',
  name: '李**',
  dueDate: '2026-12-01',
  hub: '北苑志愿者联合会',
  nickname: '王阿姨',
  subject: '周末义卖通知',
  action: 'hide',
  need: '帮忙买降压药',
  claimer: '北苑志愿服务队',
  resident: '李＊',
};

const KINDS: CataloguedKind[] = [
  'signup_confirmed', 'signup_waitlisted', 'signup_pending', 'signup_cancelled', 'offer_confirmed', 'seat_offer', 'reminder_offer', 'offer_expired',
  'reminder_24h', 'reminder_2h', 'signup_removed', 'signup_rejected', 'signup_approved', 'activity_changed', 'activity_cancelled', 'hours_credited', 'store_redeemed', 'store_picked_up',
  'store_cancelled', 'rollcall', 'rollcall_closed', 'group_review', 'join_decision', 'join_request', 'member_removed', 'leadership', 'hub_invite', 'moderation',
  'appeal', 'report', 'notice', 'need_claimed', 'need_accepted', 'need_done', 'need_unclaimed', 'need_addressed', 'need_addressed_declined', 'care_paired', 'care_overdue',
];

/** The same, with every yes/no param set: the other branch of each text (approved, upheld, late…). */
const FLAGGED = { ...PARAMS, approved: 1, upheld: 1, late: 1, waitlisted: 1 };

/** Each param a kind's text reads, found by leaving it out: the text changes. */
function paramsRead(kind: CataloguedKind, locale: 'zh-CN' | 'en', params: Record<string, string | number> = PARAMS): string[] {
  const full = renderNotice(kind, params, locale);
  return Object.keys(params).filter((key) => {
    const without: Record<string, string | number> = { ...params };
    delete without[key];
    const text = renderNotice(kind, without, locale);
    return text.title !== full.title || text.body !== full.body;
  });
}

test('the list below is every kind of the catalogue', () => {
  expect([...KINDS].sort()).toEqual([...CATALOGUED_KINDS].sort());
});

test.each(KINDS)('%s reads in Chinese and in English with its params', (kind) => {
  expect(isCatalogued(kind)).toBe(true);
  const zh = renderNotice(kind, PARAMS, 'zh-CN');
  const en = renderNotice(kind, PARAMS, 'en');
  for (const text of [zh.title, zh.body, en.title, en.body]) {
    expect(text).not.toMatch(/undefined|NaN|\[object/);
    expect(text.trim()).not.toBe('');
  }
  // English texts carry Chinese only where the params are Chinese (names written by people).
  const withoutParams = Object.values(PARAMS).reduce<string>((text, value) => text.split(String(value)).join(''), `${en.title} ${en.body}`);
  expect(withoutParams).not.toMatch(/[\u4e00-\u9fff]/);
});

test('times are China time in the reader’s language', () => {
  expect(renderNotice('signup_confirmed', PARAMS, 'zh-CN').body).toBe('「太极体验课」12月6日 15:00 在 北苑广场，请准时参加');
  expect(renderNotice('signup_confirmed', PARAMS, 'en').body).toBe('"太极体验课", 6 Dec 15:00 at 北苑广场. Please be on time.');
  expect(renderNotice('hours_credited', PARAMS, 'en').body).toBe('1.5 h for "楼道清洁" were added to your volunteer record, earning 15 credits.');
});

test('a proxy’s copy says it is on someone’s behalf, in her language', () => {
  expect(renderNotice('seat_offer', { ...PARAMS, onBehalf: 1 }, 'zh-CN').body).toMatch(/^（代报名）「太极体验课」有空位了/);
  expect(renderNotice('seat_offer', { ...PARAMS, onBehalf: 1 }, 'en').body).toMatch(/^\(Signed up on their behalf\) A place at/);
});

test('stored notices without params, and kinds outside the catalogue, read as written', () => {
  expect(noticeTextFor({ kind: 'seat_offer', title: '旧标题', body: '旧正文' }, 'en')).toEqual({ title: '旧标题', body: '旧正文' });
  expect(noticeTextFor({ kind: 'no_such_kind', title: '内容已处理', body: '正文', params: { a: 1 } }, 'en')).toEqual({ title: '内容已处理', body: '正文' });
  // A moderation notice written before the catalogue had it (params null) reads as written.
  expect(noticeTextFor({ kind: 'moderation', title: '你的内容已被隐藏', body: '「旧帖」已被隐藏：广告。', params: null }, 'en')).toEqual({ title: '你的内容已被隐藏', body: '「旧帖」已被隐藏：广告。' });
  expect(noticeTextFor({ kind: 'seat_offer', title: '旧标题', body: '旧正文', params: PARAMS }, 'en').title).toBe('A place is free for you');
});

test('a user’s language: English only when she chose it', () => {
  expect([noticeLocaleOf({ locale: 'en' }), noticeLocaleOf({ locale: 'zh-CN' }), noticeLocaleOf({}), noticeLocaleOf(null)]).toEqual(['en', 'zh-CN', 'zh-CN', 'zh-CN']);
});

test.each(KINDS)('%s reads the same params in both languages, and none is missing', (kind) => {
  // A param the Chinese text uses and the English forgets (or the other way) is a missing fact.
  for (const params of [PARAMS, FLAGGED]) {
    expect(paramsRead(kind, 'en', params)).toEqual(paramsRead(kind, 'zh-CN', params));
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = renderNotice(kind, params, locale);
      expect(`${text.title} ${text.body}`).not.toMatch(/undefined|NaN|\[object|「」|""/);
    }
  }
  // Every param a text reads shows up in it as given (times, hours, flags and actions are written as words).
  const zh = renderNotice(kind, PARAMS, 'zh-CN');
  const en = renderNotice(kind, PARAMS, 'en');
  for (const key of paramsRead(kind, 'zh-CN')) {
    if (['startAt', 'deadline', 'meetAt', 'minutes', 'action'].includes(key)) continue;
    const value = String(PARAMS[key as keyof typeof PARAMS]);
    expect([key, `${zh.title} ${zh.body}`.includes(value), `${en.title} ${en.body}`.includes(value)]).toEqual([key, true, true]);
  }
});

test('the Chinese of moderation, appeals, reports, join requests, removals, leadership and hub invites is as it was written before', () => {
  const zh = (kind: CataloguedKind, params: Record<string, string | number>) => renderNotice(kind, params, 'zh-CN');
  expect(zh('moderation', { action: 'hide', subject: '周末义卖', reason: '含有虚假中奖信息' })).toEqual({
    title: '你的内容已被隐藏',
    body: '「周末义卖」已被隐藏：含有虚假中奖信息。如有异议，可在“我的 → 处理通知”中申诉一次。',
  });
  expect([zh('moderation', { action: 'restore' }).title, zh('moderation', { action: 'warn' }).title, zh('moderation', { action: 'suspend' }).title]).toEqual([
    '你的内容已恢复显示',
    '你的内容收到警告',
    '你的内容已被暂停',
  ]);
  expect(zh('appeal', { subject: '周末义卖', reason: '维持', upheld: 1 })).toEqual({ title: '申诉未通过', body: '「周末义卖」维持原处理：维持' });
  expect(zh('appeal', { subject: '周末义卖', reason: '核实为真实活动' })).toEqual({ title: '申诉已通过', body: '「周末义卖」已恢复：核实为真实活动' });
  expect(zh('report', { subject: '周末义卖' })).toEqual({ title: '你的举报已处理', body: '你举报的「周末义卖」经核查未发现违规，内容将继续显示。感谢你对社区的关心。' });
  expect(zh('join_request', { nickname: '王阿姨', group: '园艺小组' })).toEqual({ title: '新的入组申请', body: '王阿姨 申请加入「园艺小组」' });
  expect(zh('member_removed', { group: '园艺小组', reason: '长期未参加' })).toEqual({ title: '你已被移出小组', body: '「园艺小组」：长期未参加' });
  expect(zh('leadership', { group: '园艺小组' })).toEqual({ title: '你已成为队长', body: '「园艺小组」的队长身份已转交给你' });
  expect(zh('hub_invite', { hub: '北苑志愿者联合会', group: '园艺小组' })).toEqual({ title: '枢纽组织邀请', body: '「北苑志愿者联合会」邀请「园艺小组」加入' });
});

test('moderation and appeal decisions read naturally in English, each action its own words', () => {
  const en = (kind: CataloguedKind, params: Record<string, string | number>) => renderNotice(kind, params, 'en');
  expect(en('moderation', { action: 'hide', subject: 'Weekend sale', reason: 'fake prize draw' })).toEqual({
    title: 'Your content was hidden',
    body: '"Weekend sale" was hidden: fake prize draw. If you disagree, you may appeal once under Me → Moderation notices.',
  });
  expect(['restore', 'warn', 'suspend', 'something_new'].map((action) => en('moderation', { action }).title)).toEqual([
    'Your content is shown again',
    'A warning about your content',
    'Your content was suspended',
    'Your content was reviewed',
  ]);
  expect(en('appeal', { subject: 'Weekend sale', reason: 'checked', upheld: 1 }).title).toBe('Appeal not accepted');
  expect(en('appeal', { subject: 'Weekend sale', reason: 'checked' }).body).toBe('"Weekend sale" is restored: checked');
  expect(en('join_request', { nickname: 'Wang', group: 'Gardeners' }).body).toBe('Wang asked to join "Gardeners".');
});
