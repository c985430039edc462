/**
 * Sign-ups as lists (collection signups): a roster's sections and counts, a person's own list,
 * every sign-up of an activity. Kept apart from repositories/activities.ts, the sign-up hot
 * path's repository.
 */
import { SignupStatus } from '../../../src/shared/schemas/activities';
import { database } from '../runtime/cloudbase';
import { activities, signups, type ActivityDoc, type SignupDoc } from './activities';
import { allMatching } from './allMatching';
import { Collections } from './collections';

/** Sign-ups counted by status. */
export type SignupCounts = Record<SignupStatus, number>;

/** How many sign-ups of the activity are in each status: one aggregate, whatever the size. */
export async function countSignupsByStatus(activityId: string): Promise<SignupCounts> {
  const $ = database().command.aggregate;
  const { data } = (await signups().aggregate().match({ activityId }).group({ _id: '$status', n: $.sum(1) }).end()) as { data: Array<{ _id: string; n: number }> };
  const counts = Object.fromEntries(SignupStatus.options.map((s) => [s, 0])) as SignupCounts;
  for (const row of data) if (row._id in counts) counts[row._id as SignupStatus] = row.n;
  return counts;
}

/** One page of an activity's sign-ups in some statuses: in line order, then by arrival. */
export async function rosterPage(activityId: string, statuses: readonly SignupStatus[], offset: number, limit: number): Promise<SignupDoc[]> {
  const { data } = await signups()
    .where({ activityId, status: database().command.in([...statuses]) })
    .orderBy('waitSeq', 'asc')
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(offset)
    .limit(limit)
    .get();
  return data as SignupDoc[];
}

/** Every sign-up of an activity (read in pages of 1,000 by id). */
export async function allSignupsOf(activityId: string): Promise<SignupDoc[]> {
  return allMatching<SignupDoc>(Collections.signups, { activityId });
}

const ACTIVE = ['confirmed', 'waitlisted', 'offered', 'pending_approval'];

/** A page of a person's sign-ups — upcoming (soonest first, from three hours ago) or past (latest first) — and how many. */
export async function signupsOfPerson(userId: string, scope: 'upcoming' | 'past', now: Date, offset: number, limit: number): Promise<{ docs: SignupDoc[]; total: number }> {
  const _ = database().command;
  const where = {
    userId,
    status: scope === 'upcoming' ? _.in(ACTIVE) : _.in([...ACTIVE, 'no_show', 'late_cancelled']),
    startAt: scope === 'upcoming' ? _.gte(new Date(now.getTime() - 3 * 3600_000)) : _.lt(now),
  };
  const [page, count] = await Promise.all([signups().where(where).orderBy('startAt', scope === 'upcoming' ? 'asc' : 'desc').skip(offset).limit(limit).get(), signups().where(where).count()]);
  return { docs: page.data as SignupDoc[], total: count.total };
}

/** The activities of a page of sign-ups (at most `limit`). */
export async function activitiesOfPage(activityIds: string[], limit: number): Promise<ActivityDoc[]> {
  const { data } = await activities().where({ _id: database().command.in(activityIds) }).limit(limit).get();
  return data as ActivityDoc[];
}

/** Points a sign-up still in `status` at its seat (a reconcile's repair). */
export async function setSignupSeat(signupId: string, status: SignupDoc['status'], seatId: string): Promise<void> {
  await signups().where({ _id: signupId, status }).update({ seatId });
}
