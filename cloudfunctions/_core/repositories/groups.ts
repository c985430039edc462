/** Groups (community social organizations): documents, queries and their indexes. */
import { orderedPage } from './newestFirstPage';
import type { GroupStatus, GroupType, JoinPolicy, ManagementLevel } from '../../../src/shared/schemas/groups';
import { database } from '../runtime/cloudbase';
import type { LatLng } from '../runtime/geo';
import type { Transaction } from '../runtime/transactions';
import { byIds } from './allMatching';
import { Collections } from './collections';
import { nearestFirstPage, type NearestFirstPage } from './nearestFirstPage';

export interface GroupDoc {
  _id: string;
  name: string;
  type: GroupType;
  managementLevel: ManagementLevel;
  registrationNumber: string | null;
  filingNumber: string | null;
  /** Home community; null for a hub organization that belongs to a street. */
  communityId: string | null;
  streetId: string;
  countyId: string;
  description: string;
  tags: string[];
  coverImage: string | null;
  /** The contact person; the phone number is sealed (see privacy/personalData). */
  contact: { name: string; phoneSealed: string } | null;
  joinPolicy: JoinPolicy;
  noShowLimit: number;
  cancelCutoffHours: number;
  status: GroupStatus;
  leaderId: string | null;
  memberCount: number;
  /** Who applied to found the group, and the review of the application. */
  applicantId: string | null;
  submittedAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  reviewReason: string | null;
  /** Yearly "excellent community service team" ratings set by street or county staff. */
  ratings: Array<{ year: number; excellent: boolean; by: string; at: Date }>;
  /** The status to return to when moderation restores a hidden group. */
  statusBeforeHide?: GroupStatus | null;
  /** The hub organization this group is linked to, if any. */
  hubId: string | null;
  dissolvedReason: string | null;
  /** Where the group meets, set by its leader; absent on groups written before it (and null when removed). */
  place?: { name: string; address: string; latitude: number | null; longitude: number | null } | null;
  /**
   * The place's coordinates as a GeoJSON point (node-sdk's `db.Geo.Point`), the field the
   * 2dsphere index covers so `geoNear` can sort groups by distance; absent without coordinates.
   */
  geo?: object;
  createdAt: Date;
  updatedAt: Date;
}

export const groupsCollection = () => database().collection(Collections.groups);

/** One group, or null; read inside `tx` when given. */
export async function findGroup(groupId: string, tx?: Transaction): Promise<GroupDoc | null> {
  // Inside a transaction node-sdk answers one document as `data` (an object or null), outside as a list.
  if (tx) return ((await tx.collection(Collections.groups).doc(groupId).get()) as { data: GroupDoc | null }).data;
  const { data } = await groupsCollection().doc(groupId).get();
  return (data[0] as GroupDoc | undefined) ?? null;
}

/** Groups by ids (missing ones left out). */
export async function findGroups(groupIds: string[]): Promise<GroupDoc[]> {
  return byIds<GroupDoc>(Collections.groups, groupIds);
}

export interface GroupQuery {
  communityId?: string;
  streetId?: string;
  type?: GroupType;
  /** Case-insensitive text in name, tags or description. */
  text?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The `geo` field for a meeting place: its GeoJSON point, or null when it has no coordinates. */
export function meetingPointOf(place: GroupDoc['place']): object | null {
  if (!place || place.latitude === null || place.longitude === null) return null;
  return new (database().Geo.Point)(place.longitude, place.latitude);
}

/** The discovery conditions of a query, with room for one more condition at the top level (where CloudBase wants a near condition). */
function activeGroupsCondition(query: GroupQuery): (extra: Record<string, unknown>) => object {
  const _ = database().command;
  const db = database();
  // Only active groups are discovered; a group hidden by moderation has status 'hidden'.
  const where: Record<string, unknown> = { status: 'active' };
  if (query.communityId) where.communityId = query.communityId;
  if (query.streetId) where.streetId = query.streetId;
  if (query.type) where.type = query.type;
  const text = query.text;
  const textMatch = text
    ? _.or([
        { name: db.RegExp({ regexp: escapeRegExp(text), options: 'i' }) },
        { tags: db.RegExp({ regexp: escapeRegExp(text), options: 'i' }) },
        { description: db.RegExp({ regexp: escapeRegExp(text), options: 'i' }) },
      ])
    : null;
  return (extra) => (textMatch ? _.and([{ ...where, ...extra }, textMatch]) : { ...where, ...extra });
}

/** Active groups matching a query, most members first, with the total count. */
export async function searchActiveGroups(query: GroupQuery, offset: number, limit: number): Promise<{ items: GroupDoc[]; total: number }> {
  const filter = activeGroupsCondition(query)({});
  const { docs, total } = await orderedPage<GroupDoc>(Collections.groups, filter, [['memberCount', 'desc'], ['_id', 'asc']], offset, limit);
  return { items: docs, total };
}

/**
 * Active groups matching a query nearest first from `near` (`nearestFirstPage`): those that say
 * where they meet by distance, then the others most members first.
 */
export async function nearestActiveGroups(query: GroupQuery, near: LatLng, offset: number, limit: number, locatedHint?: number): Promise<NearestFirstPage<GroupDoc>> {
  return nearestFirstPage<GroupDoc>({
    collection: groupsCollection,
    withCondition: activeGroupsCondition(query),
    near,
    unlocatedOrder: [{ field: 'memberCount', direction: 'desc' }],
    offset,
    limit,
    locatedHint,
  });
}

/** Links a group to a hub unless it already has one; false when another hub was first. */
export async function setHubOnce(groupId: string, hubId: string, now: Date): Promise<boolean> {
  const joined = await groupsCollection().where({ _id: groupId, hubId: null }).update({ hubId, updatedAt: now });
  return joined.updated === 1;
}

/** What a change of a group may set (dotted paths such as `contact.name` included). */
export type GroupChanges = Partial<GroupDoc> & Record<string, unknown>;

/** Changes a group by id; inside `tx` when given. */
export async function updateGroupDoc(groupId: string, changes: GroupChanges, tx?: Transaction): Promise<void> {
  await (tx ? tx.collection(Collections.groups) : groupsCollection()).doc(groupId).update(changes);
}

/** Adds `by` (±1) to a group's member count in the same transaction as the membership change. */
export async function countMember(groupId: string, by: 1 | -1, now: Date, tx: Transaction): Promise<void> {
  await tx.collection(Collections.groups).doc(groupId).update({ memberCount: database().command.inc(by), updatedAt: now });
}

/** Stores a new group (an application). */
export async function addGroup(group: GroupDoc): Promise<void> {
  await groupsCollection().add(group);
}

/** Changes a group only while it is still in `status`; false when it changed first (a race lost). */
export async function updateGroupInStatus(groupId: string, status: GroupStatus, changes: GroupChanges): Promise<boolean> {
  const { updated } = await groupsCollection().where({ _id: groupId, status }).update(changes);
  return updated === 1;
}

/** The `geo` change that follows a new place: its point, or removing the field when it has no coordinates. */
export function geoChangeOf(place: GroupDoc['place']): object {
  return meetingPointOf(place) ?? database().command.remove();
}

/** Pending applications of one management level in one region field (a reviewer's queue), oldest first. */
export async function pendingApplications(regionField: 'communityId' | 'streetId' | 'countyId', regionId: string, managementLevel: ManagementLevel): Promise<GroupDoc[]> {
  const { data } = await groupsCollection().where({ [regionField]: regionId, status: 'pending', managementLevel }).orderBy('submittedAt', 'asc').limit(1000).get();
  return data as GroupDoc[];
}

/** A resident's own applications (any state), newest first. */
export async function applicationsOf(applicantId: string): Promise<GroupDoc[]> {
  const { data } = await groupsCollection().where({ applicantId }).orderBy('submittedAt', 'desc').limit(50).get();
  return data as GroupDoc[];
}
