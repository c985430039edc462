/**
 * Test fixtures written straight into a running local cloud's database through node-sdk:
 * groups with a cast of members, grants, posts and hub links, each with fresh ids.
 */
import tcb from '@cloudbase/node-sdk';
import { randomBytes } from 'node:crypto';
import { membershipIdOf } from '../../cloudfunctions/_core/repositories/memberships';
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
