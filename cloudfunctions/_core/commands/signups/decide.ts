/** signups.decide: a leader approves or rejects a sign-up of an activity that asks for approval. */
import { randomUUID } from 'node:crypto';
import { signupErrors } from '../../../../src/shared/domainErrors';
import { signupPolicies } from '../../../../src/shared/policies/signups';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { notifySignedUp } from '../../ports/notify';
import { findSignup, signupIdOf, updateSignupWhile, type ClaimAttempt, type SignupDoc } from '../../repositories/signups';
import { settleClaim } from './claims';

/** A leader approves or rejects a sign-up of an activity that asks for approval. */
export async function decideSignup(actor: Actor, activityId: string, userId: string, decision: 'approve' | 'reject', now: Date): Promise<SignupDoc> {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(signupPolicies, 'signups.manage', actor, resource);
  const signup = await findSignup(signupIdOf(activityId, userId));
  if (!signup || signup.status !== 'pending_approval') throw signupErrors.noPendingApproval();
  if (decision === 'reject') {
    await updateSignupWhile(signup._id, 'pending_approval', { status: 'rejected', updatedAt: now });
    await notifySignedUp(
      { userId, kind: 'signup_rejected', params: { activity: activity.title }, link: `pages/activity/index?id=${activityId}`, dedupeKey: `signup-rejected-${signup._id}-${now.getTime()}` },
      signup.proxy,
    );
    return { ...signup, status: 'rejected' };
  }
  const attempt: ClaimAttempt = { id: randomUUID(), at: now };
  const claimed = await updateSignupWhile(signup._id, 'pending_approval', { status: 'claiming', attempt, updatedAt: now });
  if (!claimed) throw signupErrors.stateChanged();
  // A pending sign-up holds no seat: it queues behind anyone already waiting, like a newcomer.
  const { signup: settled } = await settleClaim(activity, { ...signup, status: 'claiming', attempt }, attempt, now);
  await notifySignedUp(
    {
      userId,
      kind: 'signup_approved',
      params: { activity: activity.title, ...(settled.status === 'confirmed' ? {} : { waitlisted: 1 }) },
      link: `pages/activity/index?id=${activityId}`,
      dedupeKey: `signup-approved-${signup._id}-${now.getTime()}`,
    },
    signup.proxy,
  );
  return settled;
}
