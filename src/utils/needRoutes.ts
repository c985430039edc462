/** Routes of the needs subpackage (home entry, notices and the pages link here) and how a need's dates read. */
import type { Translate } from '../locales';
import { chinaInstant, formatDate } from './chinaTime';

export const needRoutes = {
  board: '/package-needs/board/index',
  post: '/package-needs/post/index',
  /** The post form asking the author of a time-bank offer (请TA帮忙). */
  askOffer: (offerId: string) => `/package-needs/post/index?offerId=${encodeURIComponent(offerId)}`,
  detail: (id: string) => `/package-needs/detail/index?id=${encodeURIComponent(id)}`,
};

/**
 * When a need is wanted, in the reader's words: one day ('12月8日 周二'), or a window
 * ('12月8日 周二 – 12月20日 周日'). The shared date formatter adds the year to a day outside the
 * current China year (issue 16 item 4: a need for next January must not read as this one).
 * `now` pins the reader's present (tests).
 */
export function needWhenText(t: Translate, need: { whenFrom: string; whenTo: string }, now?: number): string {
  // Days are China days (YYYY-MM-DD): noon China time names that day whatever the phone's zone.
  const day = (value: string) => formatDate(t, chinaInstant(value, '12:00'), now === undefined ? {} : { now });
  return need.whenFrom === need.whenTo ? day(need.whenFrom) : t('events.time.rangeDays', { from: day(need.whenFrom), to: day(need.whenTo) });
}
