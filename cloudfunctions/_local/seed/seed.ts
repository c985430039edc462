/**
 * Writes the demo data through the SDK, like any function would. Idempotent: regions and
 * grants are upserted by fixed id (written only when they differ, so a restart writes nothing);
 * users are created only when missing, so profile changes made while trying the app survive a
 * restart; the weekly activities, announcement and report are described in communityDemo.ts.
 * `LINLI_SEED_NOW` (an ISO instant) sets the seed's "today" for screenshots and tests.
 */
import { Collections } from '../../_core/repositories/collections';
import { sealPersonal } from '../../_core/privacy/personalData';
import { membershipIdOf } from '../../_core/repositories/memberships';
import { userIdOf } from '../../_core/repositories/users';
import { database } from '../../_core/runtime/cloudbase';
import { seedCommunityDemo } from './communityDemo';
import { seedVolunteerService, type SeedCall } from './volunteerDemo';
import { seedGroups, seedNeighbours, seedRegions, seedUsers, type SeedGroup } from './demoData';

function ancestorsOf(regionId: string | null): string[] {
  const chain: string[] = [];
  for (let id = regionId; id; id = seedRegions.find((r) => r.id === id)?.parentId ?? null) chain.unshift(id);
  return chain;
}

/** A value with its object keys sorted and dates as ISO text, to compare documents by content. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== '_id')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, canonical(inner)]),
    );
  }
  return value;
}

/** Sets a document unless it already holds exactly this content: a second start writes nothing. */
async function upsert(collection: string, id: string, doc: Record<string, unknown>): Promise<void> {
  const ref = database().collection(collection).doc(id);
  const { data } = await ref.get();
  if (data[0] && JSON.stringify(canonical(data[0])) === JSON.stringify(canonical(doc))) return;
  await ref.set(doc);
}

/** The seed's "today": LINLI_SEED_NOW when set (screenshots, tests), else the clock. */
function seedNow(): Date {
  const pinned = process.env.LINLI_SEED_NOW ? new Date(process.env.LINLI_SEED_NOW) : null;
  return pinned && !Number.isNaN(pinned.getTime()) ? pinned : new Date();
}

/** The seed's steps, in the order they run (named so start-up can report and tests can hold them). */
export const seedSteps = ['regions', 'users', 'groups', 'volunteers', 'community'] as const;
export type SeedStep = (typeof seedSteps)[number];

/**
 * Applies the seed; safe to run on every start. `beforeStep` is awaited before each step: the
 * local cloud reports the step in /api/health, and a test can hold start-up at a known point.
 */
export async function seedDemoData(call: SeedCall, beforeStep: (step: SeedStep) => Promise<void> = async () => undefined, now: Date = seedNow()): Promise<void> {
  const db = database();
  await beforeStep('regions');
  for (const region of seedRegions) {
    // A node imported from a county's file (it has a statistical code) belongs to the import now:
    // the seed leaves it as it is, or every start would undo the import (docs/regions-import.md).
    const { data: stored } = await db.collection(Collections.regions).doc(region.id).get();
    if ((stored[0] as { code?: unknown } | undefined)?.code) continue;
    await upsert(Collections.regions, region.id, {
      name: region.name,
      level: region.level,
      parentId: region.parentId,
      ancestorIds: ancestorsOf(region.parentId),
      kind: region.kind,
    });
  }
  const epoch = new Date('2026-01-01T00:00:00Z');
  await beforeStep('users');
  for (const user of [...seedUsers, ...seedNeighbours]) {
    const id = userIdOf(user.openid);
    const { data } = await db.collection(Collections.users).doc(id).get();
    if (data.length === 0) {
      await db.collection(Collections.users).doc(id).set({
        openid: user.openid,
        nickname: user.nickname,
        avatar: null,
        homeCommunityId: user.homeCommunityId,
        locale: 'zh-CN',
        mayHoldGrants: Boolean(user.grant),
        createdAt: epoch,
        updatedAt: epoch,
      });
    }
    if (user.grant) {
      await upsert(Collections.roleGrants, `grant-${user.openid}`, {
        userId: id,
        role: user.grant.role,
        regionId: user.grant.regionId,
        grantedBy: 'seed',
        createdAt: epoch,
        revokedAt: null,
      });
    }
  }
  await beforeStep('groups');
  for (const group of seedGroups) await seedGroup(group, epoch);
  await beforeStep('volunteers');
  await seedVolunteerService(call, now);
  await beforeStep('community');
  await seedCommunityDemo(call, now);
}

/** Creates a demo group with its memberships once; later starts leave it (and its counts) alone. */
async function seedGroup(group: SeedGroup, epoch: Date): Promise<void> {
  const db = database();
  const { data } = await db.collection(Collections.groups).doc(group.id).get();
  const existing = data[0] as { place?: unknown } | undefined;
  if (existing) {
    // Data folders from before meeting places get the demo place once (nothing else changes).
    if (existing.place === undefined && group.place) await db.collection(Collections.groups).doc(group.id).update(placeFields(group.place));
    return;
  }
  // An application still under review has its applicant but no members yet.
  const pending = group.status === 'pending';
  const members = pending ? [] : [{ openid: group.leader, role: 'leader' as const }, ...group.members.map((openid) => ({ openid, role: 'member' as const }))];
  for (const member of members) {
    const userId = userIdOf(member.openid);
    await db.collection(Collections.memberships).doc(membershipIdOf(group.id, userId)).set({
      groupId: group.id,
      userId,
      role: member.role,
      status: 'active',
      message: null,
      createdAt: epoch,
      updatedAt: epoch,
      decidedBy: null,
      decidedAt: null,
      reason: null,
    });
  }
  await db.collection(Collections.groups).doc(group.id).set({
    name: group.name,
    type: group.type,
    managementLevel: group.managementLevel,
    registrationNumber: group.managementLevel === 'registered' ? (group.number ?? null) : null,
    filingNumber: group.managementLevel === 'filed' ? (group.number ?? null) : null,
    communityId: group.communityId,
    streetId: group.streetId,
    countyId: 'cty-linxi',
    description: group.description,
    tags: group.tags,
    coverImage: null,
    contact: { name: group.contact.name, phoneSealed: sealPersonal(group.contact.phone) },
    joinPolicy: group.joinPolicy,
    noShowLimit: 3,
    cancelCutoffHours: 24,
    status: group.status ?? 'active',
    leaderId: pending ? null : userIdOf(group.leader),
    memberCount: members.length,
    applicantId: userIdOf(group.leader),
    submittedAt: epoch,
    reviewedAt: pending ? null : epoch,
    reviewedBy: pending ? null : 'seed',
    reviewReason: null,
    ratings: [],
    hubId: null,
    dissolvedReason: null,
    ...(group.place ? placeFields(group.place) : { place: null }),
    createdAt: epoch,
    updatedAt: epoch,
  });
}

/** A demo group's meeting place and the GeoJSON point nearest-first lists sort by. */
function placeFields(place: NonNullable<SeedGroup['place']>): { place: NonNullable<SeedGroup['place']>; geo: object } {
  return { place, geo: new (database().Geo.Point)(place.longitude, place.latitude) };
}
