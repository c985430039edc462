/**
 * activities.list: discovery — activities of my community or street by day, category, volunteer
 * flag and text. Two sequential round trips under CloudBase's model: the caller's mark, then the
 * page, its count and her sign-ups in the page's window side by side (cards carry their group's
 * name: no group reads).
 */
import type { ActivitiesListInput } from '../../../../src/shared/schemas/activities';
import type { Actor } from '../../authz/actor';
import { loadVisibleGroup } from '../../authz/groups';
import { presentActivityCard, presentMySignup } from '../../presenters/activities';
import { activitiesPage, listingCondition, nearestActivitiesPage, type ActivityDoc } from '../../repositories/activities';
import { findGroups } from '../../repositories/groups';
import { regionDirectory } from '../../repositories/regions';
import { signupsOfUserIn, signupsOfUserStarting, waitlistPosition } from '../../repositories/signups';
import { startOfChinaDay } from '../../runtime/chinaDay';
import { greatCircleMeters, type LatLng } from '../../runtime/geo';
import { regionErrors } from '../../../../src/shared/domainErrors';

const HOUR = 3600_000;

/** The China-time day window of YYYY-MM-DD. */
function dayWindow(day: string): { from: Date; to: Date } {
  const from = startOfChinaDay(day);
  return { from, to: new Date(from.getTime() + 24 * HOUR) };
}

/** Whole metres from a place to an activity, or null when it has no coordinates. */
function distanceOf(activity: ActivityDoc, near: LatLng): number | null {
  const { latitude, longitude } = activity.location;
  return latitude === null || longitude === null ? null : Math.round(greatCircleMeters(near, { latitude, longitude }));
}

/** Activities of my community or street from now on (or on one day), soonest first or nearest first (`near`). */
export async function listActivities(actor: Actor, input: ActivitiesListInput, now: Date) {
  const regions = await regionDirectory();
  const equal: Record<string, unknown> = { status: 'published' };
  // A group's activities: the group is checked beside the page (nothing is answered unless it passes).
  let groupVisible: Promise<unknown> = Promise.resolve();
  if (input.groupId) {
    groupVisible = loadVisibleGroup(actor, input.groupId);
    groupVisible.catch(() => undefined);
    equal.groupId = input.groupId;
  } else {
    const communityId = input.communityId ?? actor.user.homeCommunityId;
    const community = communityId ? regions.get(communityId) : undefined;
    if (!community || community.level !== 'community') {
      throw regionErrors.communityRequired();
    }
    if (input.area === 'community') equal.communityId = community._id;
    else equal.streetId = community.parentId;
  }
  const window = input.day ? dayWindow(input.day) : { from: now, to: null };
  if (input.category) equal.category = input.category;
  if (input.volunteerOnly) equal.isVolunteer = true;
  // From a day's start to its end, or (no day) from three hours ago: an activity under way still shows.
  const startFrom = window.to ? window.from : new Date(now.getTime() - 3 * HOUR);
  const withCondition = listingCondition({ equal, startFrom, startBefore: window.to, text: input.q ?? null });
  // My sign-ups in the same window, read beside the page: one round trip for both.
  const minePending = signupsOfUserStarting(actor.userId, startFrom, window.to);
  minePending.catch(() => undefined);
  let docs: ActivityDoc[];
  let total: number;
  let located: number | undefined;
  if (input.near) {
    ({ docs, total, located } = await nearestActivitiesPage(withCondition, input.near, input.offset, input.limit, input.located));
  } else {
    ({ docs, total } = await activitiesPage(withCondition({}), input.offset, input.limit));
  }
  await groupVisible;
  const mineInWindow = await minePending;
  // Only activities posted before their group's name was kept on them need their groups read.
  const unnamed = [...new Set(docs.filter((a) => a.groupName === undefined).map((a) => a.groupId))];
  const [groups, mine] = await Promise.all([
    unnamed.length > 0 ? findGroups(unnamed) : Promise.resolve([]),
    mineInWindow.complete ? mineInWindow.byActivity : signupsOfUserIn(actor.userId, docs.map((a) => a._id)),
  ]);
  const byId = new Map(groups.map((g) => [g._id, g]));
  const near = input.near;
  const items = await Promise.all(
    docs.map(async (a) => {
      const card = presentActivityCard(a, byId.get(a.groupId), regions, presentMySignup(mine.get(a._id), await waitlistPosition(mine.get(a._id)), null));
      return near ? { ...card, distanceMeters: distanceOf(a, near) } : card;
    }),
  );
  return { items, total, hasMore: input.offset + items.length < total, ...(located === undefined ? {} : { located }) };
}
