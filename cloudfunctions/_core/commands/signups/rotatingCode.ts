/** The rotating check-in code, shared by checkin.code (the leader shows it) and checkin.scan (the resident types or scans it). */
import { createHmac } from 'node:crypto';

/** A code is good for one minute (and the scan accepts the previous minute's too). */
export const CODE_PERIOD_MS = 60_000;

/** The 6-digit code of a time window; it changes every minute. */
export function checkinCode(secret: string, activityId: string, window: number): string {
  const mac = createHmac('sha256', secret).update(`${activityId}:${window}`).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}
