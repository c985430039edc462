/**
 * Times as residents read them: China time (UTC+8) whatever the phone's time zone, because an
 * activity happens at a place in China. The server speaks ISO instants; days are
 * 'YYYY-MM-DD' in China time (activities.list `day`).
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { MessageKey, Translate } from '../locales';

dayjs.extend(utc);

const CHINA_OFFSET_MINUTES = 8 * 60;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Instant = string | number | Date;

const MONTHS: readonly MessageKey[] = [
  'events.time.months.m1',
  'events.time.months.m2',
  'events.time.months.m3',
  'events.time.months.m4',
  'events.time.months.m5',
  'events.time.months.m6',
  'events.time.months.m7',
  'events.time.months.m8',
  'events.time.months.m9',
  'events.time.months.m10',
  'events.time.months.m11',
  'events.time.months.m12',
];
/** Sunday first, as Date#getDay counts. */
const WEEKDAYS: readonly MessageKey[] = [
  'events.time.weekdays.d0',
  'events.time.weekdays.d1',
  'events.time.weekdays.d2',
  'events.time.weekdays.d3',
  'events.time.weekdays.d4',
  'events.time.weekdays.d5',
  'events.time.weekdays.d6',
];

/** The weekday name of a China day. */
function weekdayOf(t: Translate, d: Dayjs): string {
  return t(WEEKDAYS[d.day()]!);
}

/** The instant as a China-time dayjs (its format() and fields read China wall time). */
export function inChina(value: Instant): Dayjs {
  return dayjs(value).utcOffset(CHINA_OFFSET_MINUTES);
}

/** 'YYYY-MM-DD' of the instant in China. */
export function chinaDay(value: Instant = Date.now()): string {
  return inChina(value).format('YYYY-MM-DD');
}

/** 'HH:mm' of the instant in China. */
export function chinaClock(value: Instant): string {
  return inChina(value).format('HH:mm');
}

/** An ISO date-time with the +08:00 offset (what the activity schemas accept) from a China day and clock. */
export function chinaIso(day: string, clock: string): string {
  return `${day}T${clock}:00+08:00`;
}

/** The instant of a China day and clock, in ms. */
export function chinaInstant(day: string, clock: string): number {
  return new Date(chinaIso(day, clock)).getTime();
}

/** `count` China days starting with the day of `now`. */
export function chinaDaysFrom(now: Instant, count: number): string[] {
  const start = new Date(chinaIso(chinaDay(now), '12:00')).getTime();
  return Array.from({ length: count }, (_, i) => chinaDay(start + i * DAY));
}

/**
 * Whether a date carries its year: 'auto' only when it falls outside the current China year
 * (a date without one reads as this year); 'always' where the year is the point — credit
 * expiry, a proof's issue date — so '2029' is never read as today.
 */
export type YearShown = 'auto' | 'always';

export interface DateFormat {
  year?: YearShown;
  /** The reader's present (tests pin it); the clock by default. */
  now?: Instant;
}

/** '11月26日 周三' / 'Wed, Nov 26'; with the year '2029年11月26日 周一' / 'Mon, Nov 26, 2029'. */
export function formatDate(t: Translate, value: Instant, format: DateFormat = {}): string {
  const d = inChina(value);
  const withYear = format.year === 'always' || d.year() !== inChina(format.now ?? Date.now()).year();
  const parts = { month: t(MONTHS[d.month()]!), day: d.date(), weekday: weekdayOf(t, d) };
  return withYear ? t('events.time.dateYear', { ...parts, year: d.year() }) : t('events.time.date', parts);
}

/**
 * A China day ('YYYY-MM-DD', as the care register and other day-only records carry it) the way
 * formatDate writes dates: '12月3日 周四', with the year when it is not this year (issue 16 item 4).
 */
export function formatDay(t: Translate, day: string, format: DateFormat = {}): string {
  // Noon China time: the same calendar day whatever the reader's time zone.
  return formatDate(t, chinaIso(day, '12:00'), format);
}

/** '11月26日 周三 09:00' / 'Wed, Nov 26 09:00' (the year as formatDate decides). */
export function formatDateTime(t: Translate, value: Instant, format: DateFormat = {}): string {
  return t('events.time.dateTime', { date: formatDate(t, value, format), time: chinaClock(value) });
}

/** One day: '11月26日 周三 09:00–11:00'; across midnight both ends carry their date. */
export function formatRange(t: Translate, start: Instant, end: Instant): string {
  if (chinaDay(start) === chinaDay(end)) {
    return t('events.time.range', { date: formatDate(t, start), from: chinaClock(start), to: chinaClock(end) });
  }
  return t('events.time.rangeDays', { from: formatDateTime(t, start), to: formatDateTime(t, end) });
}

/** Label of a day-strip chip: 今天 / 明天 / 周三. */
export function dayLabel(t: Translate, day: string, today: string): string {
  const offset = Math.round((chinaInstant(day, '12:00') - chinaInstant(today, '12:00')) / DAY);
  if (offset === 0) return t('events.time.today');
  if (offset === 1) return t('events.time.tomorrow');
  return weekdayOf(t, inChina(chinaInstant(day, '12:00')));
}

/** '11/26' of a China day. */
export function shortDate(day: string): string {
  const [, month, date] = day.split('-');
  return `${Number(month)}/${Number(date)}`;
}

/** A countdown as 'H:MM:SS' (or 'MM:SS' under an hour); never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/** Whole hours between two instants (e.g. the cancellation cutoff before the start). */
export function hoursBetween(from: Instant, to: Instant): number {
  return Math.round((new Date(to).getTime() - new Date(from).getTime()) / HOUR);
}

export const TIME = { MINUTE, HOUR, DAY } as const;
