/**
 * Test fixtures written straight into a running local cloud's database through node-sdk:
 * groups with a cast of members, grants, posts and hub links, each with fresh ids.
 */
import tcb from '@cloudbase/node-sdk';
import { randomBytes } from 'node:crypto';
import { membershipIdOf } from '../../cloudfunctions/_core/repositories/memberships';
import { signupIdOf } from '../../cloudfunctions/_core/repositories/signups';
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import type { RunningCloud } from './localCloud';

export type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

export function databaseOf(cloud: RunningCloud): Db {
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  return tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${cloud.url}/tcb/admin` }).database();
}

const epoch = new Date('2026-01-01T00:00:00Z');
export const uniqueId = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

export interface GroupSpec {
  communityId?: string | null;
  streetId?: string;
  type?: string;
  managementLevel?: 'community' | 'filed' | 'registered';
  status?: 'pending' | 'rejected' | 'active' | 'suspended' | 'dissolved';
  joinPolicy?: 'open' | 'approval' | 'invite';
  applicant?: string;
  /** openids by role. */
  leader?: string;
  coLeaders?: string[];
  members?: string[];
  pending?: string[];
}

/** Writes a group and its memberships; returns its id. */
export async function createGroup(db: Db, spec: GroupSpec): Promise<string> {
  const id = uniqueId('fx-g');
  const communityId = spec.communityId === undefined ? 'cm-beiyuan' : spec.communityId;
  const streetId = spec.streetId ?? (communityId && ['cm-taoyuan', 'cm-xinghua', 'cm-shiqiao'].includes(communityId) ? 'st-taoyuan' : 'st-chengguan');
  const active = [
    ...(spec.leader ? [{ openid: spec.leader, role: 'leader', status: 'active' }] : []),
    ...(spec.coLeaders ?? []).map((openid) => ({ openid, role: 'co_leader', status: 'active' })),
    ...(spec.members ?? []).map((openid) => ({ openid, role: 'member', status: 'active' })),
    ...(spec.pending ?? []).map((openid) => ({ openid, role: 'member', status: 'pending' })),
  ];
  for (const m of active) {
    const userId = userIdOf(m.openid);
    await db.collection('memberships').doc(membershipIdOf(id, userId)).set({
      groupId: id, userId, role: m.role, status: m.status, message: null, createdAt: epoch, updatedAt: epoch, decidedBy: null, decidedAt: null, reason: null,
    });
  }
  await db.collection('groups').doc(id).set({
    name: `测试小组${id.slice(-4)}`,
    type: spec.type ?? 'culture_sports',
    managementLevel: spec.managementLevel ?? 'community',
    registrationNumber: null,
    filingNumber: null,
    communityId,
    streetId,
    countyId: 'cty-linxi',
    description: '用于测试的小组，每周活动一次。',
    tags: ['测试'],
    coverImage: null,
    contact: null,
    joinPolicy: spec.joinPolicy ?? 'approval',
    noShowLimit: 3,
    cancelCutoffHours: 24,
    status: spec.status ?? 'active',
    leaderId: spec.leader ? userIdOf(spec.leader) : null,
    memberCount: active.filter((m) => m.status === 'active').length,
    applicantId: spec.applicant ? userIdOf(spec.applicant) : spec.leader ? userIdOf(spec.leader) : null,
    submittedAt: epoch,
    reviewedAt: null,
    reviewedBy: null,
    reviewReason: null,
    ratings: [],
    hubId: null,
    dissolvedReason: null,
    createdAt: epoch,
    updatedAt: epoch,
  });
  return id;
}

/** Grants a staff role directly (as `npm run admin` will). */
export async function grantRole(db: Db, openid: string, role: 'committee' | 'street' | 'county', regionId: string): Promise<void> {
  await db.collection('role_grants').doc(uniqueId('fx-grant')).set({ userId: userIdOf(openid), role, regionId, grantedBy: 'test', createdAt: epoch, revokedAt: null });
  // Like the CLI: a user who already exists is marked as one who may hold grants.
  await db.collection('users').doc(userIdOf(openid)).update({ mayHoldGrants: true });
}

/** Writes a post by an author in a group. */
export async function createPost(db: Db, groupId: string, authorOpenid: string): Promise<string> {
  const id = uniqueId('fx-p');
  await db.collection('posts').doc(id).set({
    groupId, authorId: userIdOf(authorOpenid), text: '测试公告', images: [], imagesPending: 0, createdAt: new Date(), removedAt: null, removedBy: null, removeReason: null,
  });
  return id;
}

/** Writes a pending hub invitation of a group by a hub. */
export async function createHubInvite(db: Db, hubId: string, groupId: string): Promise<string> {
  const id = uniqueId('fx-h');
  await db.collection('hub_links').doc(id).set({ hubId, groupId, status: 'invited', invitedBy: 'test', invitedAt: new Date(), respondedBy: null, respondedAt: null });
  return id;
}

/** Writes an activity of a group (starting soon) with its seats. */
export async function createActivity(db: Db, groupId: string, creatorOpenid: string, options: { capacity?: number; startsInHours?: number; volunteer?: { plannedHours: number; creditsPerHour: number } } = {}): Promise<string> {
  const id = `a${randomBytes(12).toString('hex')}`;
  const capacity = options.capacity ?? 5;
  const startAt = new Date(Date.now() + (options.startsInHours ?? 0.5) * 3600_000);
  const { data } = await db.collection('groups').doc(groupId).get();
  const group = data[0] as { communityId: string | null; streetId: string; countyId: string };
  await db.collection('seats').add(Array.from({ length: capacity }, (_, i) => ({ _id: `${id}-seat-${i}`, activityId: id, seatNo: i, state: 'free', signupId: null })));
  await db.collection('activities').doc(id).set({
    groupId,
    groupName: (data[0] as { name?: string }).name ?? '',
    communityId: group.communityId,
    streetId: group.streetId,
    countyId: group.countyId,
    title: '楼道清洁日',
    description: '清理楼道杂物，张贴消防安全提示。',
    category: 'environment',
    coverImage: null,
    startAt,
    endAt: new Date(startAt.getTime() + 2 * 3600_000),
    location: { name: '北苑 3 栋', address: '北苑路 3 号', latitude: null, longitude: null },
    capacity,
    signupOpenAt: new Date(0),
    signupCloseAt: startAt,
    cancelCutoffAt: new Date(startAt.getTime() - 24 * 3600_000),
    skills: [],
    minAge: null,
    volunteer: options.volunteer ?? null,
    isVolunteer: options.volunteer !== undefined,
    approvalRequired: false,
    offerWindowHours: 12,
    seriesId: null,
    status: 'published',
    cancelReason: null,
    confirmedCount: 0,
    waitlistCount: 0,
    waitSeqNext: 0,
    checkinSecret: randomBytes(16).toString('hex'),
    createdBy: userIdOf(creatorOpenid),
    createdAt: new Date(),
    updatedAt: new Date(),
    remindersSent: [],
  });
  return id;
}

/** Writes a confirmed sign-up with check-in/out times (minutes after the activity's start; null = none). */
export async function createAttendance(db: Db, activityId: string, openid: string, checkIn: number | null, checkOut: number | null): Promise<string> {
  const { data } = await db.collection('activities').doc(activityId).get();
  const activity = data[0] as { groupId: string; startAt: Date };
  const userId = userIdOf(openid);
  const id = signupIdOf(activityId, userId);
  const at = (minutes: number | null) => (minutes === null ? null : new Date(activity.startAt.getTime() + minutes * 60_000));
  await db.collection('signups').doc(id).set({
    activityId, groupId: activity.groupId, userId, startAt: activity.startAt, status: 'confirmed', waitSeq: null, offerExpiresAt: null, proxy: null,
    guardianConsent: false, checkedInAt: at(checkIn), checkedOutAt: at(checkOut), createdAt: new Date(), updatedAt: new Date(),
  });
  return id;
}

/** Every document matching `where`, a thousand at a time by ascending id (tests reading a whole activity). */
export async function allDocsOf<T>(db: Db, collection: string, where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (let after: string | null = null; ; ) {
    const page: Record<string, unknown> = after === null ? where : { ...where, _id: db.command.gt(after) };
    const { data }: { data: unknown[] } = await db.collection(collection).where(page).orderBy('_id', 'asc').limit(1000).get();
    out.push(...(data as T[]));
    if (data.length < 1000) return out;
    after = (data[data.length - 1] as { _id: string })._id;
  }
}
