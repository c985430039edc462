/**
 * What a resident is told about her sign-up, shared by the sign-up verbs: the notice a settled
 * sign-up keeps (SignupDoc.told) and the page a notice links to.
 */
import type { ActivityDoc } from '../../repositories/activities';
import type { SignupDoc, SignupTold } from '../../repositories/signups';

/** The activity's page, where every sign-up notice leads. */
export const activityLink = (activityId: string) => `pages/activity/index?id=${activityId}`;

/**
 * What the resident is told her sign-up came to — a seat, a place in line, an approval to wait
 * for — kept on the sign-up by the very write that settles it (SignupDoc.told; her inbox lists
 * it), so telling her costs no write of its own and happens exactly when the sign-up does.
 */
export function toldOf(status: SignupDoc['status'], activity: ActivityDoc, position: number | null, now: Date): SignupTold | null {
  const told = (kind: SignupTold['kind'], params: SignupTold['params']): SignupTold => ({ kind, params, at: now, readAt: null });
  if (status === 'confirmed') return told('signup_confirmed', { activity: activity.title, startAt: activity.startAt.toISOString(), place: activity.location.name });
  if (status === 'waitlisted') return told('signup_waitlisted', { activity: activity.title, position: position ?? 0 });
  if (status === 'pending_approval') return told('signup_pending', { activity: activity.title });
  return null;
}
