/**
 * The activities collection: ActivityDoc and every read and write of it — the sign-up hot path's
 * (find, display counters), posting, editing, cancelling and listing (soonest or nearest first),
 * reminders, the hour book's and a person's lists' reads. Sign-ups are in signups.ts, seats in
 * seats.ts.
 */
import { orderedPage } from './newestFirstPage';
import type { ActivityCategory } from '../../../src/shared/schemas/activities';
import { database } from '../runtime/cloudbase';
import type { LatLng } from '../runtime/geo';
import { Collections } from './collections';
import { nearestFirstPage, type NearestFirstPage } from './nearestFirstPage';

export interface ActivityDoc {
  _id: string;
  groupId: string;
  /**
   * The group's name as its cards show it, kept beside the id so a list of activities needs no
   * read of their groups (a group's name is fixed once it is approved: groups.update does not
   * change it). Absent on activities posted before it was kept: their groups are read.
   */
  groupName?: string;
  communityId: string | null;
  streetId: string;
  countyId: string;
  title: string;
  description: string;
  category: ActivityCategory;
  coverImage: string | null;
  startAt: Date;
  endAt: Date;
  location: { name: string; address: string; latitude: number | null; longitude: number | null };
  /**
   * The location's coordinates as a GeoJSON point (node-sdk's `db.Geo.Point`), the field the
   * 2dsphere index covers so `geoNear` can sort by distance. Absent when the place has no
   * coordinates, and on activities written before nearest-first sorting (they list as unlocated).
   */
  geo?: object;
  capacity: number;
  signupOpenAt: Date;
  signupCloseAt: Date;
  cancelCutoffAt: Date;
  skills: string[];
  minAge: number | null;
  volunteer: { plannedHours: number; creditsPerHour: number } | null;
  /** `volunteer !== null`, kept as its own field so the volunteer filter can use an index. */
  isVolunteer: boolean;
  approvalRequired: boolean;
  offerWindowHours: number;
  seriesId: string | null;
  /** 'hidden' while moderation keeps it out of sight; statusBeforeHide restores it. */
  status: 'published' | 'cancelled' | 'hidden';
  statusBeforeHide?: 'published' | 'cancelled' | null;
  cancelReason: string | null;
  /**
   * Display counters; the seats and sign-ups are the truth (see seatLedger). `confirmedCount`
   * counts the held seats (confirmed sign-ups and no-shows, who kept theirs), `offeredCount` the
   * seats offered to someone from the waitlist (absent on activities written before it: 0),
   * `waitlistCount` the people waiting. `activities.reconcile` recomputes them.
   */
  confirmedCount: number;
  offeredCount?: number;
  waitlistCount: number;
  /** The last waitlist number handed out, so the waitlist is strictly first-in first-out. */
  waitSeqNext: number;
  /** Secret behind the rotating check-in code; never leaves the server. */
  checkinSecret: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  remindersSent: string[];
}

export const activities = () => database().collection(Collections.activities);

export async function findActivity(activityId: string): Promise<ActivityDoc | null> {
  const { data } = await activities().doc(activityId).get();
  return (data[0] as ActivityDoc | undefined) ?? null;
}

/** The display counters of an activity (see ActivityDoc.confirmedCount). */
export type ActivityCounter = 'confirmedCount' | 'offeredCount' | 'waitlistCount';

/** Moves display counters of an activity, in one write (the fields in the order given). */
export async function moveCounters(activityId: string, by: Partial<Record<ActivityCounter, 1 | -1>>): Promise<void> {
  const _ = database().command;
  await activities()
    .doc(activityId)
    .update(Object.fromEntries(Object.entries(by).map(([field, step]) => [field, _.inc(step)])));
}

/** Moves the display counter of confirmed sign-ups; answers the activity after the change. */
export async function countConfirmed(activityId: string, by: 1 | -1): Promise<ActivityDoc | null> {
  const counted = (await activities().where({ _id: activityId }).updateAndReturn({ confirmedCount: database().command.inc(by) })) as { doc?: ActivityDoc | null };
  return counted.doc ?? null;
}

/** The `geo` field for a location: its GeoJSON point, or null when it has no coordinates. */
export function geoPointOf(location: ActivityDoc['location']): object | null {
  if (location.latitude === null || location.longitude === null) return null;
  return new (database().Geo.Point)(location.longitude, location.latitude);
}

type Filter = Record<string, unknown>;

/**
 * One page of activities nearest first from `near` (`nearestFirstPage`): located by distance,
 * then those without coordinates soonest first. Ties in distance come in the database's order.
 */
export async function nearestActivitiesPage(
  withCondition: (extra: Filter) => object,
  near: LatLng,
  offset: number,
  limit: number,
  locatedHint?: number,
): Promise<NearestFirstPage<ActivityDoc>> {
  return nearestFirstPage<ActivityDoc>({ collection: activities, withCondition, near, unlocatedOrder: [{ field: 'startAt', direction: 'asc' }], offset, limit, locatedHint });
}

/** How many activities a group has held (any state). */
export async function countActivitiesOfGroup(groupId: string): Promise<number> {
  return (await activities().where({ groupId }).count()).total;
}

/** Stores a new activity (a retry after a crash finds it written). */
export async function addActivityOnce(doc: ActivityDoc): Promise<void> {
  try {
    await activities().add(doc);
  } catch (error) {
    if (!/DUPLICATE/i.test(String((error as { code?: unknown }).code))) throw error;
  }
}

/** Changes an activity (dotted paths and field removals included). */
export async function updateActivityDoc(activityId: string, changes: Record<string, unknown>): Promise<void> {
  await activities().doc(activityId).update(changes);
}

/** The `geo` change that follows a new location: its point, or removing the field when it has no coordinates. */
export function geoChangeOf(point: object | null): object {
  return point ?? database().command.remove();
}

/** Cancels an activity still published; false when it was cancelled first. */
export async function cancelPublished(activityId: string, reason: string, now: Date): Promise<boolean> {
  const { updated } = await activities().where({ _id: activityId, status: 'published' }).update({ status: 'cancelled', cancelReason: reason, updatedAt: now });
  return updated === 1;
}

/** Sets an activity's display counters absolutely (a reconcile's repair). */
export async function setCounters(activityId: string, counts: { confirmed: number; offered: number; waitlist: number }): Promise<void> {
  await activities().doc(activityId).update({ confirmedCount: counts.confirmed, offeredCount: counts.offered, waitlistCount: counts.waitlist });
}

/** A page of activities matching a filter, soonest first, and how many match. */
export async function activitiesPage(filter: object, offset: number, limit: number): Promise<{ docs: ActivityDoc[]; total: number }> {
  const { docs, total } = await orderedPage<ActivityDoc>(Collections.activities, filter, [['startAt', 'asc'], ['_id', 'asc']], offset, limit);
  return { docs, total };
}

/** What a listing asks for: plain field conditions, a start-time range, and text in the title or description. */
export interface ActivityListing {
  equal: Record<string, unknown>;
  startFrom: Date;
  /** null: no upper bound. */
  startBefore: Date | null;
  text: string | null;
}

/**
 * The listing's query, as a function of extra conditions: they join the plain conditions at the
 * top level, where a near condition (geoNear) must be.
 */
export function listingCondition(listing: ActivityListing): (extra: Record<string, unknown>) => object {
  const db = database();
  const _ = db.command;
  const where = { ...listing.equal, startAt: listing.startBefore ? _.gte(listing.startFrom).and(_.lt(listing.startBefore)) : _.gte(listing.startFrom) };
  const pattern = listing.text ? listing.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : null;
  const textMatch = pattern ? _.or([{ title: db.RegExp({ regexp: pattern, options: 'i' }) }, { description: db.RegExp({ regexp: pattern, options: 'i' }) }]) : null;
  return (extra) => (textMatch ? _.and([{ ...where, ...extra }, textMatch]) : { ...where, ...extra });
}

/** Published activities starting after `from` and at the latest `to` (at most 200): the ones to remind of. */
export async function publishedStartingBetween(from: Date, to: Date): Promise<ActivityDoc[]> {
  const _ = database().command;
  const { data } = await activities().where({ status: 'published', startAt: _.gt(from).and(_.lte(to)) }).limit(200).get();
  return data as ActivityDoc[];
}

/** Notes that a reminder went out for an activity. */
export async function markReminderSent(activityId: string, key: string): Promise<void> {
  await activities().doc(activityId).update({ remindersSent: database().command.addToSet(key) });
}

/** Activities by ids (at most the ids given). */
export async function activitiesByIds(activityIds: string[]): Promise<ActivityDoc[]> {
  const { data } = await activities().where({ _id: database().command.in(activityIds) }).limit(activityIds.length).get();
  return data as ActivityDoc[];
}

/** The activities of a page of sign-ups (at most `limit`). */
export async function activitiesOfPage(activityIds: string[], limit: number): Promise<ActivityDoc[]> {
  const { data } = await activities().where({ _id: database().command.in(activityIds) }).limit(limit).get();
  return data as ActivityDoc[];
}
