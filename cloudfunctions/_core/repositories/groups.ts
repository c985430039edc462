/** Groups (community social organizations): documents, queries and their indexes. */
import type { GroupStatus, GroupType, JoinPolicy, ManagementLevel } from '../../../src/shared/schemas/groups';
import { database } from '../runtime/cloudbase';
import { byIds } from './allMatching';
import { Collections } from './collections';

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
  createdAt: Date;
  updatedAt: Date;
}

export const groupsCollection = () => database().collection(Collections.groups);

/** One group, or null. */
export async function findGroup(groupId: string): Promise<GroupDoc | null> {
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

/** Active groups matching a query, most members first, with the total count. */
export async function searchActiveGroups(query: GroupQuery, offset: number, limit: number): Promise<{ items: GroupDoc[]; total: number }> {
  const _ = database().command;
  const db = database();
  // Only active groups are discovered; a group hidden by moderation has status 'hidden'.
  const where: Record<string, unknown> = { status: 'active' };
  if (query.communityId) where.communityId = query.communityId;
  if (query.streetId) where.streetId = query.streetId;
  if (query.type) where.type = query.type;
  const filter = query.text
    ? _.and([
        where,
        _.or([
          { name: db.RegExp({ regexp: escapeRegExp(query.text), options: 'i' }) },
          { tags: db.RegExp({ regexp: escapeRegExp(query.text), options: 'i' }) },
          { description: db.RegExp({ regexp: escapeRegExp(query.text), options: 'i' }) },
        ]),
      ])
    : where;
  const [page, count] = await Promise.all([
    groupsCollection().where(filter).orderBy('memberCount', 'desc').orderBy('_id', 'asc').skip(offset).limit(limit).get(),
    groupsCollection().where(filter).count(),
  ]);
  return { items: page.data as GroupDoc[], total: count.total };
}
