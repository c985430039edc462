/** Dates carry their year outside the current China year, and always where asked (expiry, proofs). */
import { translate, type Locale, type MessageKey, type MessageParams } from '../../src/locales';
import { formatDate, formatDateTime } from '../../src/utils/chinaTime';

const tOf = (locale: Locale) => (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
const zh = tOf('zh-CN');
const en = tOf('en');
const now = '2026-12-06T05:00:00.000Z';

test('a date of the current China year reads without its year', () => {
  expect(formatDate(zh, '2026-03-01T07:00:00.000Z', { now })).toBe('3月1日 周日');
  expect(formatDate(en, '2026-03-01T07:00:00.000Z', { now })).toBe('Sun, Mar 1');
});

test('a date of another year carries it, in both languages', () => {
  expect(formatDate(zh, '2029-03-01T07:00:00.000Z', { now })).toBe('2029年3月1日 周四');
  expect(formatDate(en, '2029-03-01T07:00:00.000Z', { now })).toBe('Thu, Mar 1, 2029');
  expect(formatDateTime(zh, '2025-11-26T01:00:00.000Z', { now })).toBe('2025年11月26日 周三 09:00');
});

test('the year follows China time: 31 December 20:00 UTC is already next year in China', () => {
  expect(formatDate(zh, '2026-12-31T20:00:00.000Z', { now })).toBe('2027年1月1日 周五');
});

test('year: always shows it even in the current year', () => {
  expect(formatDate(zh, '2026-04-03T02:00:00.000Z', { now, year: 'always' })).toBe('2026年4月3日 周五');
  expect(formatDate(en, '2026-04-03T02:00:00.000Z', { now, year: 'always' })).toBe('Fri, Apr 3, 2026');
});
