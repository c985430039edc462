/**
 * Attendance as the hour book reads it: sign-ups (collection signups) and their activities
 * (collection activities). Kept apart from repositories/activities.ts, the sign-up hot path's
 * repository, so the hour book's reads change nothing there.
 */
import { database } from '../runtime/cloudbase';
import type { ActivityDoc, SignupDoc } from './activities';
import { allMatching } from './allMatching';
import { Collections } from './collections';

/** Everyone who came or was marked absent, past a page of 1,000 (CloudBase's most per query). */
export async function attendeesOf(activityId: string): Promise<SignupDoc[]> {
  return allMatching<SignupDoc>(Collections.signups, { activityId, status: database().command.in(['confirmed', 'no_show']) });
}

/** Sign-ups of an activity by ids (others are left out). */
export async function signupsOfActivity(activityId: string, signupIds: string[]): Promise<SignupDoc[]> {
  const { data } = await database().collection(Collections.signups).where({ _id: database().command.in(signupIds), activityId }).limit(signupIds.length).get();
  return data as SignupDoc[];
}

/** A person's confirmed sign-ups, latest activity first (the last hundred). */
export async function confirmedSignupsOf(userId: string): Promise<SignupDoc[]> {
  const { data } = await database().collection(Collections.signups).where({ userId, status: 'confirmed' }).orderBy('startAt', 'desc').limit(100).get();
  return data as SignupDoc[];
}

/** Activities by ids (at most the ids given). */
export async function activitiesByIds(activityIds: string[]): Promise<ActivityDoc[]> {
  const { data } = await database().collection(Collections.activities).where({ _id: database().command.in(activityIds) }).limit(activityIds.length).get();
  return data as ActivityDoc[];
}
