/**
 * Subscribe-message keyword rules. A template's data keys are `<type><n>` (`thing1`, `time2`,
 * …) and WeChat refuses the whole message with errcode 47003 when one value breaks its type's
 * rule. The rules are those of subscribeMessage.send's documentation ("订阅消息参数值内容限制说明",
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html).
 * Both sides use this module: the notifier formats values to fit, the emulated WeChat validates.
 */

export type KeywordType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase';

const TYPES: readonly KeywordType[] = ['character_string', 'phone_number', 'car_number', 'thing', 'number', 'letter', 'symbol', 'time', 'date', 'amount', 'name', 'phrase'];

/** The type of a data key (`thing12` → `thing`), or null when the key names none. */
export function keywordTypeOf(key: string): KeywordType | null {
  const match = /^([a-z_]+?)(\d+)$/.exec(key);
  if (!match) return null;
  return TYPES.find((type) => type === match[1]) ?? null;
}

const chars = (value: string) => [...value].length;
const HAN = /^\p{Script=Han}+$/u;
const TIME = /^(\d{4}年\d{1,2}月\d{1,2}日 ?)?([01]?\d|2[0-3]):[0-5]\d$|^\d{4}-\d{2}-\d{2}( ([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?$/;
const DATE = /^\d{4}年\d{1,2}月\d{1,2}日( ([01]?\d|2[0-3]):[0-5]\d)?$|^\d{4}-\d{2}-\d{2}( ([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?$/;

/** Why a value breaks its keyword's rule, or null when WeChat accepts it. */
export function keywordProblem(key: string, value: unknown): string | null {
  const type = keywordTypeOf(key);
  if (!type) return `${key}: unknown keyword type`;
  if (typeof value !== 'string' || value.length === 0) return `${key}: value must be a non-empty string`;
  switch (type) {
    case 'thing':
      return chars(value) <= 20 ? null : `${key}: thing is at most 20 characters`;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) && value.length <= 32 ? null : `${key}: number is at most 32 digits`;
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? null : `${key}: letter is at most 32 letters`;
    case 'symbol':
      return chars(value) <= 5 && !/[\p{L}\p{N}]/u.test(value) ? null : `${key}: symbol is at most 5 symbols`;
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value) ? null : `${key}: character_string is at most 32 digits, letters or symbols`;
    case 'time':
      return TIME.test(value) ? null : `${key}: time must be a 24-hour time such as 15:01 or 2019年10月1日 15:01`;
    case 'date':
      return DATE.test(value) ? null : `${key}: date must be a date such as 2019年10月1日`;
    case 'amount':
      return /^[¥$€£]?\d+(\.\d{1,2})?元?$/.test(value) && value.length <= 11 ? null : `${key}: amount is a currency symbol and at most 10 digits`;
    case 'phone_number':
      return /^[\d+\-() ]{1,17}$/.test(value) ? null : `${key}: phone_number is at most 17 digits or symbols`;
    case 'car_number':
      return chars(value) <= 8 ? null : `${key}: car_number is at most 8 characters`;
    case 'name':
      return (HAN.test(value) && chars(value) <= 10) || /^[A-Za-z ]{1,20}$/.test(value) ? null : `${key}: name is at most 10 Chinese characters or 20 letters`;
    case 'phrase':
      return HAN.test(value) && chars(value) <= 5 ? null : `${key}: phrase is at most 5 Chinese characters`;
  }
}

/** China time (UTC+8, no daylight saving) as WeChat shows it: `2026年12月6日 15:01`. */
export function chinaTime(date: Date): string {
  const t = new Date(date.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** Shortens to `max` characters, marking the cut with an ellipsis. */
function cut(value: string, max: number): string {
  const list = [...value];
  return list.length <= max ? value : `${list.slice(0, max - 1).join('')}…`;
}

/** Fits a value to its keyword's rule where it can (cut, reformat); the emulator still validates. */
export function formatKeyword(key: string, value: string | Date): string {
  const type = keywordTypeOf(key);
  if (value instanceof Date) return type === 'date' ? chinaTime(value).split(' ')[0]! : chinaTime(value);
  const text = value.trim() || '-';
  switch (type) {
    case 'thing':
      return cut(text, 20);
    case 'character_string':
      return text.replace(/[^\x21-\x7e]/g, '').slice(0, 32) || '-';
    case 'phrase':
      return [...text.replace(/[^\p{Script=Han}]/gu, '')].slice(0, 5).join('') || '通知';
    case 'name':
      return cut(text, 10);
    case 'car_number':
      return cut(text, 8);
    case 'letter':
      return text.replace(/[^A-Za-z]/g, '').slice(0, 32);
    default:
      return text;
  }
}
