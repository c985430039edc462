/** activities.get: an activity's page with my status and what I may do (also what every activity mutation answers with). */
import type { ActivityDetail } from '../../../../src/shared/schemas/activities';
import type { Actor } from '../../authz/actor';
import { activityPageAbilities, loadVisibleActivity } from '../../authz/activities';
import { presentActivityCard, presentMySignup } from '../../presenters/activities';
import { regionDirectory } from '../../repositories/regions';
import { signupsOfUserIn, waitlistPosition } from '../../repositories/signups';
import { findUser } from '../../repositories/users';

/** An activity's page with my status and what I may do. */
export async function getActivityDetail(actor: Actor, activityId: string): Promise<ActivityDetail> {
  const { activity, group, resource } = await loadVisibleActivity(actor, activityId);
  const regions = await regionDirectory();
  const mine = (await signupsOfUserIn(actor.userId, [activity._id])).get(activity._id);
  const proxyName = mine?.proxy ? ((await findUser(mine.proxy.userId))?.nickname ?? '') : null;
  const allowed = activityPageAbilities(actor, resource);
  return {
    ...presentActivityCard(activity, group, regions, presentMySignup(mine, await waitlistPosition(mine), proxyName)),
    description: activity.description,
    location: activity.location,
    signupOpenAt: activity.signupOpenAt.toISOString(),
    signupCloseAt: activity.signupCloseAt.toISOString(),
    cancelCutoffAt: activity.cancelCutoffAt.toISOString(),
    skills: activity.skills,
    minAge: activity.minAge,
    approvalRequired: activity.approvalRequired,
    offerWindowHours: activity.offerWindowHours,
    seriesId: activity.seriesId,
    cancelReason: activity.cancelReason,
    abilities: allowed,
  };
}
