/** Check-in, check-out and no-show marks, shared by signups.mark (a leader) and checkin.scan (the resident). */
import { signupErrors } from '../../../../src/shared/domainErrors';
import type { ActivityDoc } from '../../repositories/activities';
import type { SignupDoc } from '../../repositories/signups';

/** Marks are taken from an hour before the activity starts. */
export const HOUR = 3600_000;

/** What a check-in, check-out or no-show changes; check-outs are capped at the scheduled end. */
export function stampFor(activity: ActivityDoc, signup: SignupDoc, mark: 'check_in' | 'check_out' | 'no_show', now: Date): Partial<SignupDoc> {
  if (mark === 'no_show') {
    if (signup.checkedInAt) throw signupErrors.checkedInCannotBeAbsent();
    return { status: 'no_show', updatedAt: now };
  }
  if (mark === 'check_in') return { status: 'confirmed', checkedInAt: signup.checkedInAt ?? now, updatedAt: now };
  if (!signup.checkedInAt) throw signupErrors.notCheckedIn();
  return { checkedOutAt: new Date(Math.min(now.getTime(), activity.endAt.getTime())), updatedAt: now };
}
