/**
 * What the activity page offers the resident, decided from the server's answer (abilities, my
 * sign-up, the sign-up window and cutoff) and the current time. Pure, so every case is a test.
 */
import type { ActivityDetail, MySignup } from '../../shared/schemas/activities';
import { checkinOpen } from '../../utils/checkinWindow';

export type PrimaryAction =
  | { kind: 'signup'; waitlist: boolean; approval: boolean }
  | { kind: 'confirmOffer' }
  | { kind: 'checkin'; direction: 'in' | 'out' }
  /** Shown disabled: sign-up opens later. */
  | { kind: 'notOpen'; opensAt: string }
  /** Shown disabled: the window closed, the activity ended or was cancelled. */
  | { kind: 'closed' };

export type CancelKind = 'signup' | 'waitlist' | 'offer' | 'request';

export interface CancelAction {
  kind: CancelKind;
  /** A confirmed seat given up after the cutoff counts as a late cancellation. */
  late: boolean;
}

export interface ActivityActions {
  primary: PrimaryAction | null;
  cancel: CancelAction | null;
}

const time = (iso: string) => new Date(iso).getTime();

const ACTIVE: readonly string[] = ['confirmed', 'waitlisted', 'offered', 'pending_approval'];

/** Sign-ups that still hold (or wait for) a place. */
export function isActive(signup: MySignup | null): boolean {
  return signup !== null && ACTIVE.includes(signup.status);
}

function cancelFor(activity: ActivityDetail, signup: MySignup, now: number): CancelAction | null {
  if (now >= time(activity.endAt)) return null;
  // Once checked in, leaving is a check-out, not a cancellation.
  if (signup.checkedInAt !== null) return null;
  const kind: Record<string, CancelKind> = { confirmed: 'signup', waitlisted: 'waitlist', offered: 'offer', pending_approval: 'request' };
  return { kind: kind[signup.status]!, late: signup.status === 'confirmed' && now >= time(activity.cancelCutoffAt) };
}

/** The main button and the cancellation the page offers now. */
export function actionsFor(activity: ActivityDetail, now: number): ActivityActions {
  const signup = activity.mySignup;
  if (activity.status === 'cancelled') return { primary: null, cancel: null };
  if (signup && isActive(signup)) {
    const cancel = cancelFor(activity, signup, now);
    // A hidden activity (under moderation review) can still be left, not joined or attended.
    if (activity.status === 'hidden') return { primary: null, cancel };
    if (signup.status === 'offered') return { primary: { kind: 'confirmOffer' }, cancel };
    if (signup.status === 'confirmed' && checkinOpen(activity, now) && signup.checkedOutAt === null) {
      return { primary: { kind: 'checkin', direction: signup.checkedInAt ? 'out' : 'in' }, cancel };
    }
    return { primary: null, cancel };
  }
  // No sign-up, or one that ended (cancelled, expired, rejected): may sign up (again)?
  if (signup?.status === 'no_show' || activity.status === 'hidden') return { primary: null, cancel: null };
  if (!activity.abilities.includes('signups.create')) return { primary: { kind: 'closed' }, cancel: null };
  if (now < time(activity.signupOpenAt)) return { primary: { kind: 'notOpen', opensAt: activity.signupOpenAt }, cancel: null };
  if (now >= time(activity.signupCloseAt)) return { primary: { kind: 'closed' }, cancel: null };
  return { primary: { kind: 'signup', waitlist: activity.seatsLeft === 0, approval: activity.approvalRequired }, cancel: null };
}

/** The leader tools the server allows on this activity. */
export interface LeaderTools {
  edit: boolean;
  cancel: boolean;
  roster: boolean;
  code: boolean;
}

export function leaderTools(activity: ActivityDetail): LeaderTools {
  const can = (ability: string) => activity.abilities.includes(ability);
  return { edit: can('activities.edit'), cancel: can('activities.cancel'), roster: can('signups.manage'), code: can('checkin.show') };
}
