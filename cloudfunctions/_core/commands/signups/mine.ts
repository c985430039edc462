/** signups.mine: my activities — upcoming (soonest first) or past (latest first), with my status on each. */
import type { Actor } from '../../authz/actor';
import { presentActivityCard } from '../../presenters/activities';
import { activitiesOfPage } from '../../repositories/activities';
import { findGroups } from '../../repositories/groups';
import { regionDirectory } from '../../repositories/regions';
import { signupsOfPerson, waitlistPosition } from '../../repositories/signups';

/** A page of the actor's own sign-ups with their activities' cards. */
export async function mySignups(actor: Actor, scope: 'upcoming' | 'past', offset: number, limit: number, now: Date) {
  const { docs: mine, total } = await signupsOfPerson(actor.userId, scope, now, offset, limit);
  const found = await activitiesOfPage(mine.map((s) => s.activityId), limit);
  const byId = new Map(found.map((a) => [a._id, a]));
  const [groups, regions] = await Promise.all([findGroups([...new Set(found.map((a) => a.groupId))]), regionDirectory()]);
  const groupById = new Map(groups.map((g) => [g._id, g]));
  // One indexed count per waitlisted sign-up on the page (a page holds at most 50).
  const positions = await Promise.all(mine.map((s) => waitlistPosition(s)));
  const items = mine.flatMap((s, index) => {
    const activity = byId.get(s.activityId);
    if (!activity || s.status === 'claiming') return [];
    return [
      presentActivityCard(activity, groupById.get(activity.groupId), regions, {
        id: s._id,
        status: s.status,
        waitlistPosition: positions[index] ?? null,
        offerExpiresAt: s.offerExpiresAt ? s.offerExpiresAt.toISOString() : null,
        checkedInAt: s.checkedInAt ? s.checkedInAt.toISOString() : null,
        checkedOutAt: s.checkedOutAt ? s.checkedOutAt.toISOString() : null,
        byProxy: null,
      }),
    ];
  });
  return { items, total, hasMore: offset + mine.length < total };
}
