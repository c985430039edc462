/** The waitlist's order (collection signups): a place is how many wait ahead, by the sequence taken on joining. */
import { database } from '../runtime/cloudbase';
import { signups, type SignupDoc } from './activities';

/** My place in the waitlist: how many wait ahead of me, plus one. */
export async function waitlistPosition(signup: SignupDoc | undefined): Promise<number | null> {
  if (!signup || signup.status !== 'waitlisted' || signup.waitSeq === null) return null;
  const _ = database().command;
  const { total } = await signups().where({ activityId: signup.activityId, status: 'waitlisted', waitSeq: _.lt(signup.waitSeq) }).count();
  return total + 1;
}
