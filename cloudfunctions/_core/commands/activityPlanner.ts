/**
 * Leaders post activities (optionally a weekly series), edit or cancel them (everyone signed
 * up is told), and residents discover them by day, category, volunteer flag and text.
 */
import { randomBytes } from 'node:crypto';
import { activityPolicies, type ActivityResource } from '../../../src/shared/policies/activities';
import { abilities, authorize } from '../../../src/shared/policies/authorize';
import { groupPolicies } from '../../../src/shared/policies/groups';
import type { ActivitiesCreateInput, ActivitiesListInput, ActivitiesUpdateInput, ActivityCard, ActivityDetail, MySignup } from '../../../src/shared/schemas/activities';
import { assertContentAllowed } from '../ports/contentCheck';
import { notifier } from '../ports/notify';
import type { NoticeParams } from '../ports/noticeTexts';
import { activities, findActivity, geoPointOf, nearestActivitiesPage, seats, signups, signupsOfUserIn, type ActivityDoc, type SignupDoc } from '../repositories/activities';
import { findGroup, findGroups, type GroupDoc } from '../repositories/groups';
import { findMembership } from '../repositories/memberships';
import { regionDirectory, type RegionDoc } from '../repositories/regions';
import { findUser } from '../repositories/users';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { Coalescer } from '../runtime/coalesce';
import { greatCircleMeters, type LatLng } from '../runtime/geo';
import { digest } from '../runtime/hash';
import { groupResource } from '../presenters/groups';
import { groupNotFound } from './groupMembership';
import { offerFreeSeats } from './seatLedger';
import { loadVisibleGroup } from './groupStewardship';
import { startOfChinaDay } from '../runtime/chinaDay';
import { activityErrors, regionErrors } from '../../../src/shared/domainErrors';

const HOUR = 3600_000;

export const activityNotFound = () => activityErrors.notFound();

/** The policy view of an activity for the actor. */
export async function activityResource(actor: Actor, activity: ActivityDoc, group?: GroupDoc | null, needMembership = true): Promise<ActivityResource> {
  const g = group ?? (await findGroup(activity.groupId));
  if (!g) throw activityNotFound();
  // Seeing an activity of a live group needs no membership; skip the read when only that is asked.
  const membership = needMembership || g.status !== 'active' ? await findMembership(g._id, actor.userId) : null;
  return { group: groupResource(g, membership), status: activity.status, ended: activity.endAt.getTime() <= Date.now() };
}

/**
 * An activity and its group, read together for everyone of this instance asking at once (a
 * crowd signing up for one activity): each caller still gets a read started after it asked.
 * Callers share the documents and must not change them.
 */
const activityReads = new Coalescer<null, { activity: ActivityDoc | null; group: GroupDoc | null }>(async (activityId, callers) => {
  const activity = await findActivity(activityId);
  const group = activity ? await findGroup(activity.groupId) : null;
  if (activity) recentReads.remember(activityId, { activity, group });
  return callers.map(() => ({ activity, group }));
});

/**
 * Activities (and their groups) as this warm instance last read them. Under CloudBase's model an
 * instance runs one call at a time, so a crowd signing up for one activity cannot share a read
 * (the coalescer above shares only between calls running at once); a read a moment old can be
 * shared instead — by a caller whose next write re-checks what matters on the document itself
 * (the sign-up crowd's waitlist draw is conditional on the activity still open: signupFlow.ts).
 * Bounded: a full map is emptied, which costs reads, never a wrong answer.
 */
class RecentReads {
  private readonly reads = new Map<string, { at: number; value: { activity: ActivityDoc; group: GroupDoc | null } }>();
  private static readonly MAX = 500;

  remember(activityId: string, value: { activity: ActivityDoc; group: GroupDoc | null }): void {
    if (this.reads.size >= RecentReads.MAX) this.reads.clear();
    this.reads.set(activityId, { at: Date.now(), value });
  }

  within(activityId: string, maxAgeMs: number): { activity: ActivityDoc; group: GroupDoc | null } | null {
    const read = this.reads.get(activityId);
    return read && Date.now() - read.at <= maxAgeMs ? read.value : null;
  }
}

const recentReads = new RecentReads();

/**
 * Loads an activity the actor may see. `maxAgeMs` (> 0) accepts this instance's read of that age
 * or younger (`recent` says one was used): only for a caller whose writes re-check the activity.
 */
export async function loadVisibleActivity(actor: Actor, activityId: string, needMembership = true, maxAgeMs = 0) {
  const recent = maxAgeMs > 0 ? recentReads.within(activityId, maxAgeMs) : null;
  const { activity, group } = recent ?? (await activityReads.submit(activityId, null));
  if (!activity) throw activityNotFound();
  const resource = await activityResource(actor, activity, group, needMembership);
  authorize(activityPolicies, 'activities.view', actor, resource, activityNotFound());
  return { activity, group: group!, resource, recent: recent !== null };
}

function scheduleOf(input: ActivitiesCreateInput | ActivitiesUpdateInput, group: GroupDoc, weekOffset: number) {
  const shift = (d: Date) => new Date(d.getTime() + weekOffset * 7 * 24 * HOUR);
  const startAt = shift(input.startAt);
  const cutoffHours = input.cancelCutoffHours ?? group.cancelCutoffHours;
  return {
    startAt,
    endAt: shift(input.endAt),
    signupOpenAt: input.signupOpenAt ? shift(input.signupOpenAt) : new Date(0),
    signupCloseAt: input.signupCloseAt ? shift(input.signupCloseAt) : startAt,
    cancelCutoffAt: new Date(startAt.getTime() - cutoffHours * HOUR),
  };
}

/** Every text of an activity goes through the content check before it is stored. */
async function checkActivityTexts(actor: Actor, input: ActivitiesCreateInput | ActivitiesUpdateInput): Promise<void> {
  await assertContentAllowed({ title: input.title, description: input.description, location: `${input.location.name} ${input.location.address}` }, 3, actor.openid);
}

/** Creates the seat documents of an activity (idempotent: seat ids derive from the activity). */
async function createSeats(activityId: string, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += 500) {
    const batch = Array.from({ length: Math.min(500, to - start) }, (_, i) => ({
      _id: `${activityId}-seat-${start + i}`,
      activityId,
      seatNo: start + i,
      state: 'free',
      signupId: null,
    }));
    try {
      await seats().add(batch);
    } catch (error) {
      // A retry after a crash finds the batch already written.
      if (!/DUPLICATE/i.test(String((error as { code?: unknown }).code))) throw error;
    }
  }
}

/** Posts an activity, or a weekly series of them. */
export async function createActivities(actor: Actor, input: ActivitiesCreateInput, requestId: string, now: Date): Promise<string[]> {
  const { group, resource } = await loadVisibleGroup(actor, input.groupId);
  authorize(groupPolicies, 'activities.create', actor, resource);
  if (input.startAt.getTime() <= now.getTime()) {
    throw activityErrors.startInPast();
  }
  await checkActivityTexts(actor, input);
  const seriesId = input.repeatWeeks > 1 ? `sr${digest('series', actor.userId, requestId).slice(0, 20)}` : null;
  const ids: string[] = [];
  const geo = geoPointOf(input.location);
  for (let week = 0; week < input.repeatWeeks; week += 1) {
    const id = `a${digest('activity', actor.userId, requestId, String(week)).slice(0, 24)}`;
    const doc: ActivityDoc = {
      _id: id,
      groupId: group._id,
      communityId: group.communityId,
      streetId: group.streetId,
      countyId: group.countyId,
      title: input.title,
      description: input.description,
      category: input.category,
      coverImage: input.coverImage,
      ...scheduleOf(input, group, week),
      location: input.location,
      // Kept beside the location so nearest-first lists can use the geo index.
      ...(geo ? { geo } : {}),
      capacity: input.capacity,
      skills: input.skills,
      minAge: input.minAge,
      volunteer: input.volunteer,
      isVolunteer: input.volunteer !== null,
      approvalRequired: input.approvalRequired,
      offerWindowHours: input.offerWindowHours,
      seriesId,
      status: 'published',
      cancelReason: null,
      confirmedCount: 0,
      offeredCount: 0,
      waitlistCount: 0,
      waitSeqNext: 0,
      checkinSecret: randomBytes(16).toString('hex'),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      remindersSent: [],
    };
    // Seats first: an activity is only visible once all its seats exist.
    await createSeats(id, 0, input.capacity);
    try {
      await activities().add(doc);
    } catch (error) {
      if (!/DUPLICATE/i.test(String((error as { code?: unknown }).code))) throw error;
    }
    ids.push(id);
  }
  return ids;
}

/** Tells everyone signed up of a change to the activity, each in her language (the notice catalogue). */
async function notifySignedUp(activity: ActivityDoc, kind: 'activity_changed' | 'activity_cancelled', params: NoticeParams, now: Date): Promise<void> {
  const _ = database().command;
  const { data } = await signups()
    .where({ activityId: activity._id, status: _.in(['confirmed', 'waitlisted', 'offered', 'pending_approval']) })
    .limit(1000)
    .get();
  for (const signup of data as SignupDoc[]) {
    await notifier().notify({
      userId: signup.userId,
      kind,
      params,
      link: `pages/activity/index?id=${activity._id}`,
      dedupeKey: `${kind}-${digest(activity._id, signup.userId, now.toISOString()).slice(0, 24)}`,
    });
  }
}

/** Edits an activity; capacity may grow (new seats go to the waitlist first), not shrink below the confirmed. */
export async function updateActivity(actor: Actor, input: ActivitiesUpdateInput, now: Date): Promise<void> {
  const { activity, group, resource } = await loadVisibleActivity(actor, input.activityId);
  authorize(activityPolicies, 'activities.edit', actor, resource);
  if (input.capacity < activity.capacity) {
    const { total } = await seats().where({ activityId: activity._id, state: database().command.neq('free') }).count();
    const free = activity.capacity - total;
    if (input.capacity < activity.capacity - free) throw activityErrors.capacityBelowSignups({ total });
  }
  await checkActivityTexts(actor, input);
  const schedule = scheduleOf(input, group, 0);
  if (input.capacity > activity.capacity) await createSeats(activity._id, activity.capacity, input.capacity);
  if (input.capacity < activity.capacity) {
    // Remove free seats from the top until the capacity matches. A seat taken meanwhile is not
    // removed: the capacity then stays at the seats that exist, never below the people holding them.
    const wanted = activity.capacity - input.capacity;
    const { data } = await seats().where({ activityId: activity._id, state: 'free' }).orderBy('seatNo', 'desc').limit(wanted).get();
    let removed = 0;
    for (const seat of data as Array<{ _id: string }>) removed += ((await seats().where({ _id: seat._id, state: 'free' }).remove()) as { deleted: number }).deleted;
    if (removed < wanted) {
      const least = activity.capacity - removed;
      await activities().doc(activity._id).update({ capacity: least, updatedAt: now });
      throw activityErrors.capacityJustChanged({ least });
    }
  }
  await activities()
    .doc(activity._id)
    .update({
      title: input.title,
      description: input.description,
      category: input.category,
      coverImage: input.coverImage,
      ...schedule,
      location: input.location,
      // The geo point follows the location; a place without coordinates drops it (listed last).
      geo: geoPointOf(input.location) ?? database().command.remove(),
      capacity: input.capacity,
      skills: input.skills,
      minAge: input.minAge,
      volunteer: input.volunteer,
      isVolunteer: input.volunteer !== null,
      approvalRequired: input.approvalRequired,
      offerWindowHours: input.offerWindowHours,
      updatedAt: now,
    });
  if (input.capacity > activity.capacity) {
    await offerFreeSeats({ ...activity, title: input.title, capacity: input.capacity, offerWindowHours: input.offerWindowHours }, now);
  }
  await notifySignedUp(activity, 'activity_changed', { activity: input.title }, now);
}

/** Cancels an activity and tells everyone signed up. */
export async function cancelActivity(actor: Actor, activityId: string, reason: string, now: Date): Promise<void> {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(activityPolicies, 'activities.cancel', actor, resource);
  const { updated } = await activities().where({ _id: activityId, status: 'published' }).update({ status: 'cancelled', cancelReason: reason, updatedAt: now });
  if (updated !== 1) throw activityErrors.alreadyCancelled();
  await notifySignedUp(activity, 'activity_cancelled', { activity: activity.title, reason }, now);
}

/** The China-time day window of YYYY-MM-DD. */
function dayWindow(day: string): { from: Date; to: Date } {
  const from = startOfChinaDay(day);
  return { from, to: new Date(from.getTime() + 24 * HOUR) };
}

/** Seats anyone may still take: neither held nor offered to someone from the waitlist. */
export function seatsLeftOf(activity: ActivityDoc): number {
  return Math.max(0, activity.capacity - activity.confirmedCount - (activity.offeredCount ?? 0));
}

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

export function presentActivityCard(activity: ActivityDoc, group: GroupDoc | undefined, regions: Map<string, RegionDoc>, mySignup: MySignup | null): ActivityCard {
  return {
    id: activity._id,
    groupId: activity.groupId,
    groupName: group?.name ?? '',
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

/** My place in the waitlist: how many wait ahead of me, plus one. */
export async function waitlistPosition(signup: SignupDoc | undefined): Promise<number | null> {
  if (!signup || signup.status !== 'waitlisted' || signup.waitSeq === null) return null;
  const _ = database().command;
  const { total } = await signups().where({ activityId: signup.activityId, status: 'waitlisted', waitSeq: _.lt(signup.waitSeq) }).count();
  return total + 1;
}

/** Whole metres from a place to an activity, or null when it has no coordinates. */
function distanceOf(activity: ActivityDoc, near: LatLng): number | null {
  const { latitude, longitude } = activity.location;
  return latitude === null || longitude === null ? null : Math.round(greatCircleMeters(near, { latitude, longitude }));
}

/** Activities of my community or street from now on (or on one day), soonest first or nearest first (`near`). */
export async function listActivities(actor: Actor, input: ActivitiesListInput, now: Date) {
  const _ = database().command;
  const db = database();
  const regions = await regionDirectory();
  const where: Record<string, unknown> = { status: 'published' };
  if (input.groupId) {
    await loadVisibleGroup(actor, input.groupId);
    where.groupId = input.groupId;
  } else {
    const communityId = input.communityId ?? actor.user.homeCommunityId;
    const community = communityId ? regions.get(communityId) : undefined;
    if (!community || community.level !== 'community') {
      throw regionErrors.communityRequired();
    }
    if (input.area === 'community') where.communityId = community._id;
    else where.streetId = community.parentId;
  }
  const window = input.day ? dayWindow(input.day) : { from: now, to: null };
  where.startAt = window.to ? _.gte(window.from).and(_.lt(window.to)) : _.gte(new Date(now.getTime() - 3 * HOUR));
  if (input.category) where.category = input.category;
  if (input.volunteerOnly) where.isVolunteer = true;
  const textMatch = input.q
    ? _.or([{ title: db.RegExp({ regexp: input.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' }) }, { description: db.RegExp({ regexp: input.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' }) }])
    : null;
  // Extra conditions join the plain conditions at the top level, where a near condition must be.
  const withCondition = (extra: Record<string, unknown>): object => (textMatch ? _.and([{ ...where, ...extra }, textMatch]) : { ...where, ...extra });
  let docs: ActivityDoc[];
  let total: number;
  let located: number | undefined;
  if (input.near) {
    ({ docs, total, located } = await nearestActivitiesPage(withCondition, input.near, input.offset, input.limit, input.located));
  } else {
    const filter = withCondition({});
    const [page, count] = await Promise.all([
      activities().where(filter).orderBy('startAt', 'asc').orderBy('_id', 'asc').skip(input.offset).limit(input.limit).get(),
      activities().where(filter).count(),
    ]);
    docs = page.data as ActivityDoc[];
    total = count.total;
  }
  const [groups, mine] = await Promise.all([findGroups([...new Set(docs.map((a) => a.groupId))]), signupsOfUserIn(actor.userId, docs.map((a) => a._id))]);
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

/** An activity's page with my status and what I may do. */
export async function getActivityDetail(actor: Actor, activityId: string): Promise<ActivityDetail> {
  const { activity, group, resource } = await loadVisibleActivity(actor, activityId);
  const regions = await regionDirectory();
  const mine = (await signupsOfUserIn(actor.userId, [activity._id])).get(activity._id);
  const proxyName = mine?.proxy ? ((await findUser(mine.proxy.userId))?.nickname ?? '') : null;
  const allowed = abilities(activityPolicies, actor, resource);
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

export { groupNotFound };
