/**
 * The needs timer (the function's one trigger): expires needs whose time passed, tells the
 * committee once of needs unclaimed past the set time, and closes done needs the resident never
 * answered (their helpers' hours then go to review, ./needHours.ts). Every step is a conditional
 * move or a transaction that re-reads the state, so a run racing a resident's withdraw or a
 * helper's done changes each need once, and a second run changes nothing.
 */
import { canMove, NEED_AUTO_CLOSE_DAYS, NEED_UNCLAIMED_AFTER_HOURS } from '../../../../src/shared/policies/needs';
import { notifier } from '../../ports/notify';
import { settingsFor } from '../../repositories/communitySettings';
import { doneUnanswered, findNeed, markSurfaced, moveNeed, needsPastDue, unclaimedUntold, type NeedDoc } from '../../repositories/needs';
import { activeGrantsOn } from '../../repositories/roleGrants';
import { inTransaction } from '../../runtime/transactions';
import { endWithHours } from './needHours';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** Needs a run handles of each kind; the rest wait for the next run (the trigger fires every ten minutes). */
const BATCH = 100;
/**
 * A need someone was accepted for keeps this long past its last day before it expires: the
 * helper may mark it done the morning after.
 */
const ACCEPTED_GRACE_DAYS = 3;

/** Tells the committee of the need's community, once per staff member (the dedupe key), then marks it told. */
async function surface(need: NeedDoc, now: Date): Promise<boolean> {
  const staff = (await activeGrantsOn([need.communityId])).filter((g) => g.role === 'committee');
  for (const userId of new Set(staff.map((g) => g.userId))) {
    await notifier().notify({
      userId,
      kind: 'need_unclaimed',
      params: { need: need.what.slice(0, 20), hours: NEED_UNCLAIMED_AFTER_HOURS },
      link: `package-needs/detail/index?id=${need._id}`,
      dedupeKey: `need-unclaimed-${need._id}-${userId}`,
    });
  }
  return markSurfaced(need._id, now);
}

/** Closes a done need nobody answered, with its helpers' records, unless it moved meanwhile. */
async function closeUnanswered(need: NeedDoc, now: Date): Promise<boolean> {
  const settings = await settingsFor(need.communityId);
  return inTransaction(async (tx) => {
    const current = await findNeed(need._id, tx);
    if (!current || !canMove(current.state, 'close')) return false;
    await endWithHours(tx, current, 'close', {}, settings, now);
    return true;
  });
}

/** One run of the needs timer; what it changed. */
export async function sweepNeeds(now: Date): Promise<{ expired: number; surfaced: number; closed: number }> {
  const [pastDue, pastGrace, untold, unanswered] = await Promise.all([
    needsPastDue(['open', 'claimed'], now, BATCH),
    needsPastDue(['accepted'], new Date(now.getTime() - ACCEPTED_GRACE_DAYS * DAY_MS), BATCH),
    unclaimedUntold(new Date(now.getTime() - NEED_UNCLAIMED_AFTER_HOURS * HOUR_MS), BATCH),
    doneUnanswered(new Date(now.getTime() - NEED_AUTO_CLOSE_DAYS * DAY_MS), BATCH),
  ]);
  let expired = 0;
  for (const need of [...pastDue, ...pastGrace]) if (await moveNeed(need._id, 'expire', { endedAt: now }, now)) expired += 1;
  let surfaced = 0;
  // A need that expired in this run is not surfaced (markSurfaced is conditional on open).
  for (const need of untold) if (need.dueAt.getTime() > now.getTime() && (await surface(need, now))) surfaced += 1;
  let closed = 0;
  for (const need of unanswered) if (await closeUnanswered(need, now)) closed += 1;
  return { expired, surfaced, closed };
}
