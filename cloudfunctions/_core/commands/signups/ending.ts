/** How a live sign-up ends, shared by signups.cancel and signups.remove. */
import { signupErrors } from '../../../../src/shared/domainErrors';
import { passSeatOn } from '../../ledger/seatLedger';
import { moveCounters, type ActivityDoc } from '../../repositories/activities';
import { updateSignupWhile, type SignupDoc } from '../../repositories/signups';

/** Sign-ups that hold, wait for or are offered a seat, or await approval. */
export const LIVE: ReadonlyArray<SignupDoc['status']> = ['confirmed', 'waitlisted', 'offered', 'pending_approval'];

/**
 * Ends a live sign-up (the person cancels or declines, or a leader removes her): one
 * conditional status change decides it, then the counters follow and the seat she held or was
 * offered goes to the head of the line.
 */
export async function endSignup(activity: ActivityDoc, signup: SignupDoc, status: 'cancelled' | 'late_cancelled' | 'removed', now: Date): Promise<void> {
  const done = await updateSignupWhile(signup._id, signup.status, { status, offerExpiresAt: null, updatedAt: now });
  if (!done) throw signupErrors.stateChanged();
  if (signup.status === 'confirmed') await moveCounters(activity._id, { confirmedCount: -1 });
  if (signup.status === 'offered') await moveCounters(activity._id, { offeredCount: -1 });
  if (signup.status === 'waitlisted') await moveCounters(activity._id, { waitlistCount: -1 });
  if (signup.status === 'confirmed' || signup.status === 'offered') await passSeatOn(activity, signup, now);
}
