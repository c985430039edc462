/**
 * The sign-up crowd's head start (runtime/headStart.ts): a newcomer to an activity where people
 * already wait can only queue, so her place in line is drawn beside her mark instead of after it —
 * two round trips for her sign-up (the mark and the draw, then her sign-up) instead of three.
 *
 * Started only on what this warm instance read of the activity within the last second (the same
 * read the command then decides on: create.ts, RECENT_READ_MS) and only for a sign-up of oneself;
 * the draw itself matches only while the activity takes sign-ups. Everything the command checks
 * afterwards (may she see it, rate limit, suspension, rules, no-shows, a sign-up she already has)
 * still decides: if it refuses, or replays a request, the place is given back — the pipeline
 * abandons every head start the command did not take.
 */
import type { SignupsCreateInput } from '../../../../src/shared/schemas/signups';
import { recentActivityRead } from '../../authz/activities';
import { returnWaitlistPlace, takeWaitlistPlaceWhileOpen, type WaitlistPlace } from '../../ledger/seatLedger';
import { signupIdOf } from '../../repositories/signups';
import type { HeadStart } from '../../runtime/headStart';
import { logEvent } from '../../runtime/log';

/**
 * How old a read of the activity a newcomer may decide on when people already wait (create.ts):
 * a second, unless `LINLI_RECENT_READ_MS` says otherwise (at most a minute; tests that count a
 * call's round trips widen it so a slow machine cannot change the count).
 */
export const RECENT_READ_MS = Math.min(60_000, Number(process.env.LINLI_RECENT_READ_MS) || 1000);

export class WaitlistHeadStart implements HeadStart {
  private settled = false;
  /** Never rejects: a failed draw is no place (the command then draws the usual way). */
  private readonly place: Promise<WaitlistPlace | null>;

  constructor(
    readonly activityId: string,
    draw: Promise<WaitlistPlace | null>,
  ) {
    this.place = draw.catch((error: unknown) => {
      logEvent('warn', 'signups.headStart.draw', { activityId, error: error instanceof Error ? error.message : String(error) });
      return null;
    });
  }

  /**
   * The place drawn for a sign-up to `activityId`, now the command's to keep or give back; null
   * when there is none to take (another activity, taken already, or abandoned).
   */
  take(activityId: string): Promise<WaitlistPlace | null> | null {
    if (this.settled || activityId !== this.activityId) return null;
    this.settled = true;
    return this.place;
  }

  async abandon(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    if (await this.place) await returnWaitlistPlace(this.activityId);
  }
}

/** Starts a head start for this sign-up when it can only queue; null otherwise. */
export function startWaitlistHeadStart(userId: string, input: SignupsCreateInput): WaitlistHeadStart | null {
  if (input.forUserId !== undefined && input.forUserId !== userId) return null;
  const activity = recentActivityRead(input.activityId, RECENT_READ_MS);
  if (!activity || activity.approvalRequired || activity.waitlistCount <= 0) return null;
  return new WaitlistHeadStart(activity._id, takeWaitlistPlaceWhileOpen(activity._id, signupIdOf(activity._id, userId)));
}
