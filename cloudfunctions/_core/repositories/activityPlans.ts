/**
 * Activities as leaders post, edit, cancel and list them (collections activities, signups). Kept
 * apart from repositories/activities.ts, the sign-up hot path's repository.
 */
import { database } from '../runtime/cloudbase';
import { activities, signups, type ActivityDoc, type SignupDoc } from './activities';

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

/** The sign-ups to tell of a change: confirmed, waiting, offered or awaiting approval (at most 1,000). */
export async function signupsToTell(activityId: string): Promise<SignupDoc[]> {
  const { data } = await signups()
    .where({ activityId, status: database().command.in(['confirmed', 'waitlisted', 'offered', 'pending_approval']) })
    .limit(1000)
    .get();
  return data as SignupDoc[];
}

/** A page of activities matching a filter, soonest first, and how many match. */
export async function activitiesPage(filter: object, offset: number, limit: number): Promise<{ docs: ActivityDoc[]; total: number }> {
  const [page, count] = await Promise.all([activities().where(filter).orderBy('startAt', 'asc').orderBy('_id', 'asc').skip(offset).limit(limit).get(), activities().where(filter).count()]);
  return { docs: page.data as ActivityDoc[], total: count.total };
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

/** Sets an activity's display counters absolutely (a reconcile's repair). */
export async function setCounters(activityId: string, counts: { confirmed: number; offered: number; waitlist: number }): Promise<void> {
  await activities().doc(activityId).update({ confirmedCount: counts.confirmed, offeredCount: counts.offered, waitlistCount: counts.waitlist });
}
