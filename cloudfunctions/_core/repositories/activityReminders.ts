/**
 * Reminders' reads and writes of activities and sign-ups (collections activities, signups):
 * kept apart from repositories/activities.ts, the sign-up hot path's repository.
 */
import { database } from '../runtime/cloudbase';
import type { ActivityDoc, SignupDoc } from './activities';
import { allMatching } from './allMatching';
import { Collections } from './collections';

/** Published activities starting after `from` and at the latest `to` (at most 200). */
export async function publishedStartingBetween(from: Date, to: Date): Promise<ActivityDoc[]> {
  const _ = database().command;
  const { data } = await database().collection(Collections.activities).where({ status: 'published', startAt: _.gt(from).and(_.lte(to)) }).limit(200).get();
  return data as ActivityDoc[];
}

/** Every confirmed sign-up of an activity, past a page of 1,000 (CloudBase's most per query). */
export async function confirmedSignupsOfActivity(activityId: string): Promise<SignupDoc[]> {
  return allMatching<SignupDoc>(Collections.signups, { activityId, status: 'confirmed' });
}

/** Notes that a reminder went out for an activity. */
export async function markReminderSent(activityId: string, key: string): Promise<void> {
  await database().collection(Collections.activities).doc(activityId).update({ remindersSent: database().command.addToSet(key) });
}
