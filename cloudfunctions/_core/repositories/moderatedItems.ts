/**
 * The items moderation hides and restores, across their collections: groups and activities swap
 * their status (lists only show active and published ones, so hiding costs discovery nothing);
 * posts carry a `hidden` flag; groups and users can be suspended.
 */
import type { ReportTargetType } from '../../../src/shared/schemas/moderation';
import { database } from '../runtime/cloudbase';
import { Collections } from './collections';

/** The collection of each kind of reported item. */
const COLLECTION_OF = { group: Collections.groups, post: Collections.posts, activity: Collections.activities, user: Collections.users } as const;

/** What moderation reads of a reported post or activity (the fields of either). */
export interface ReportedEntry {
  groupId: string;
  authorId?: string;
  createdBy?: string;
  text?: string;
  title?: string;
  description?: string;
  removedAt?: Date | null;
}

/** A post or an activity by id, as moderation reads it, or null. */
export async function findReportedEntry(kind: 'post' | 'activity', id: string): Promise<ReportedEntry | null> {
  const { data } = await database().collection(COLLECTION_OF[kind]).doc(id).get();
  return (data[0] as ReportedEntry | undefined) ?? null;
}

/** Hides or restores an item (restoring brings back the status it had before it was hidden). */
export async function setItemHidden(kind: ReportTargetType, id: string, hidden: boolean): Promise<void> {
  const db = database();
  const collection = COLLECTION_OF[kind];
  if (collection === Collections.posts) {
    await db.collection(Collections.posts).doc(id).update({ hidden });
    return;
  }
  if (collection !== Collections.groups && collection !== Collections.activities) return;
  const items = db.collection(collection);
  if (hidden) {
    const { data } = await items.doc(id).get();
    const current = (data[0] as { status: string } | undefined)?.status;
    if (current && current !== 'hidden') await items.where({ _id: id, status: current }).update({ status: 'hidden', statusBeforeHide: current });
  } else {
    const { data } = await items.doc(id).get();
    const doc = data[0] as { status: string; statusBeforeHide?: string | null } | undefined;
    if (doc?.status === 'hidden') await items.where({ _id: id, status: 'hidden' }).update({ status: doc.statusBeforeHide ?? (collection === Collections.groups ? 'active' : 'published'), statusBeforeHide: null });
  }
}

/** Suspends a group (it leaves the lists until restored). */
export async function suspendGroup(groupId: string, now: Date): Promise<void> {
  await database().collection(Collections.groups).doc(groupId).update({ status: 'suspended', updatedAt: now });
}

/** Brings a suspended group back to active (a group in any other state stays as it is). */
export async function unsuspendGroup(groupId: string, now: Date): Promise<void> {
  await database().collection(Collections.groups).where({ _id: groupId, status: 'suspended' }).update({ status: 'active', updatedAt: now });
}

/** Suspends a person until a moment (null lifts it): they can read and appeal, but not write. */
export async function setUserSuspendedUntil(userId: string, until: Date | null): Promise<void> {
  await database().collection(Collections.users).doc(userId).update({ suspendedUntil: until });
}
