/** My activities: upcoming (soonest first) or past (latest first), with my status on each. */
import type { ActivityDoc, SignupDoc } from '../repositories/activities';
import { activities, signups } from '../repositories/activities';
import { findGroups } from '../repositories/groups';
import { regionDirectory } from '../repositories/regions';
import type { Actor } from '../authz/actor';
import { database } from '../runtime/cloudbase';
import { presentActivityCard } from '../presenters/activities';
import { waitlistPosition } from '../repositories/waitlist';

const ACTIVE = ['confirmed', 'waitlisted', 'offered', 'pending_approval'];

export async function mySignups(actor: Actor, scope: 'upcoming' | 'past', offset: number, limit: number, now: Date) {
  const _ = database().command;
  const where = {
    userId: actor.userId,
    status: scope === 'upcoming' ? _.in(ACTIVE) : _.in([...ACTIVE, 'no_show', 'late_cancelled']),
    startAt: scope === 'upcoming' ? _.gte(new Date(now.getTime() - 3 * 3600_000)) : _.lt(now),
  };
  const [page, count] = await Promise.all([
    signups().where(where).orderBy('startAt', scope === 'upcoming' ? 'asc' : 'desc').skip(offset).limit(limit).get(),
    signups().where(where).count(),
  ]);
  const mine = page.data as SignupDoc[];
  const { data } = await activities().where({ _id: _.in(mine.map((s) => s.activityId)) }).limit(limit).get();
  const byId = new Map((data as ActivityDoc[]).map((a) => [a._id, a]));
  const [groups, regions] = await Promise.all([findGroups([...new Set((data as ActivityDoc[]).map((a) => a.groupId))]), regionDirectory()]);
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
  return { items, total: count.total, hasMore: offset + mine.length < count.total };
}
