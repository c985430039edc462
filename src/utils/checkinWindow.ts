/**
 * When check-in is open, as the server decides it (cloudfunctions/_core/commands/signups/checkinScan.ts and stamps.ts:
 * from an hour before the start until two hours after the end). Shared by the resident's
 * activity and check-in pages and the leader's roster, so it lives here rather than in a page.
 */
import type { ActivityDetail } from '../shared/schemas/activities';

const HOUR = 3600_000;
/** The server accepts check-in from an hour before the start until two hours after the end. */
export const CHECKIN_OPENS_BEFORE_MS = HOUR;
export const CHECKIN_CLOSES_AFTER_MS = 2 * HOUR;

const time = (iso: string) => new Date(iso).getTime();

/** True inside the check-in window of the activity. */
export function checkinOpen(activity: Pick<ActivityDetail, 'startAt' | 'endAt'>, now: number): boolean {
  return now >= time(activity.startAt) - CHECKIN_OPENS_BEFORE_MS && now <= time(activity.endAt) + CHECKIN_CLOSES_AFTER_MS;
}
