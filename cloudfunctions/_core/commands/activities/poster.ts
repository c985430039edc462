/** activities.poster: an activity's noticeboard poster (issue 14, item 3): its code and facts; the code is ports/posterCode.ts. */
import { activityPolicies } from '../../../../src/shared/policies/activities';
import type { Poster } from '../../../../src/shared/schemas/common';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { POSTER_PAGES, posterCodeFor } from '../../ports/posterCode';

/** An activity's poster, for its organisers while it is open (published and not over). */
export async function activityPoster(actor: Actor, activityId: string): Promise<Poster> {
  const { activity, group, resource } = await loadVisibleActivity(actor, activityId);
  authorize(activityPolicies, 'activities.edit', actor, resource);
  return {
    code: await posterCodeFor(POSTER_PAGES.activity, activity._id),
    title: activity.title,
    groupName: group.name,
    startAt: activity.startAt.toISOString(),
    endAt: activity.endAt.toISOString(),
    place: `${activity.location.name}（${activity.location.address}）`,
  };
}
