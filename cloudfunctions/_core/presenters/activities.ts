/** What the activities and signups functions show: activity cards and my sign-up on them. */
import type { ActivityCard, MySignup } from '../../../src/shared/schemas/activities';
import type { ActivityDoc } from '../repositories/activities';
import type { GroupDoc } from '../repositories/groups';
import type { RegionDoc } from '../repositories/regions';
import type { SignupDoc } from '../repositories/signups';

/** Seats anyone may still take: neither held nor offered to someone from the waitlist. */
export function seatsLeftOf(activity: ActivityDoc): number {
  return Math.max(0, activity.capacity - activity.confirmedCount - (activity.offeredCount ?? 0));
}

/** My sign-up as the activity's card and page show it (none while a claim is in flight). */
export function presentMySignup(signup: SignupDoc | undefined, position: number | null, proxyName: string | null): MySignup | null {
  if (!signup || signup.status === 'claiming') return null;
  return {
    id: signup._id,
    status: signup.status,
    waitlistPosition: signup.status === 'waitlisted' ? position : null,
    offerExpiresAt: signup.offerExpiresAt ? signup.offerExpiresAt.toISOString() : null,
    checkedInAt: signup.checkedInAt ? signup.checkedInAt.toISOString() : null,
    checkedOutAt: signup.checkedOutAt ? signup.checkedOutAt.toISOString() : null,
    byProxy: proxyName ? { nickname: proxyName } : null,
  };
}

/** The list view of an activity with my sign-up. */
export function presentActivityCard(activity: ActivityDoc, group: GroupDoc | undefined, regions: Map<string, RegionDoc>, mySignup: MySignup | null): ActivityCard {
  return {
    id: activity._id,
    groupId: activity.groupId,
    groupName: group?.name ?? activity.groupName ?? '',
    title: activity.title,
    category: activity.category,
    coverImage: activity.coverImage,
    startAt: activity.startAt.toISOString(),
    endAt: activity.endAt.toISOString(),
    locationName: activity.location.name,
    regionName: regions.get(activity.communityId ?? activity.streetId)?.name ?? '',
    capacity: activity.capacity,
    seatsLeft: seatsLeftOf(activity),
    seatsOnOffer: Math.max(0, activity.offeredCount ?? 0),
    waitlistLength: Math.max(0, activity.waitlistCount),
    volunteer: activity.volunteer,
    status: activity.status,
    mySignup,
  };
}
