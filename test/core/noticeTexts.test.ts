/**
 * The server's notice catalogue: every kind reads in both languages with its params filled (no
 * "undefined", no empty title), English has no Chinese, proxies' copies say so, and notices
 * stored before the catalogue read as they were written.
 */
import { isCatalogued, noticeLocaleOf, noticeTextFor, renderNotice, type CataloguedKind } from '../../cloudfunctions/_core/ports/noticeTexts';

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
  needed: 5,
  group: '园艺小组',
};

const KINDS: CataloguedKind[] = [
  'signup_confirmed', 'signup_waitlisted', 'signup_pending', 'signup_cancelled', 'offer_confirmed', 'seat_offer', 'reminder_offer', 'offer_expired',
  'reminder_24h', 'reminder_2h', 'signup_removed', 'signup_rejected', 'signup_approved', 'activity_changed', 'activity_cancelled', 'hours_credited', 'store_redeemed', 'store_picked_up',
  'store_cancelled', 'rollcall', 'rollcall_closed', 'group_review', 'join_decision',
];

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
  expect(noticeTextFor({ kind: 'moderation', title: '内容已处理', body: '正文', params: { a: 1 } }, 'en')).toEqual({ title: '内容已处理', body: '正文' });
  expect(noticeTextFor({ kind: 'seat_offer', title: '旧标题', body: '旧正文', params: PARAMS }, 'en').title).toBe('A place is free for you');
});

test('a user’s language: English only when she chose it', () => {
  expect([noticeLocaleOf({ locale: 'en' }), noticeLocaleOf({ locale: 'zh-CN' }), noticeLocaleOf({}), noticeLocaleOf(null)]).toEqual(['en', 'zh-CN', 'zh-CN', 'zh-CN']);
});
