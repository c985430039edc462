/**
 * Writes the demo data through the SDK, like any function would. Idempotent: regions and
 * grants are upserted by fixed id; users are created only when missing, so profile changes
 * made while trying the app survive a restart.
 */
import { Collections } from '../../_core/repositories/collections';
import { userIdOf } from '../../_core/repositories/users';
import { database } from '../../_core/runtime/cloudbase';
import { seedRegions, seedUsers } from './demoData';

function ancestorsOf(regionId: string | null): string[] {
  const chain: string[] = [];
  for (let id = regionId; id; id = seedRegions.find((r) => r.id === id)?.parentId ?? null) chain.unshift(id);
  return chain;
}

/** Applies the seed; safe to run on every start. */
export async function seedDemoData(): Promise<void> {
  const db = database();
  for (const region of seedRegions) {
    await db.collection(Collections.regions).doc(region.id).set({
      name: region.name,
      level: region.level,
      parentId: region.parentId,
      ancestorIds: ancestorsOf(region.parentId),
      kind: region.kind,
    });
  }
  const epoch = new Date('2026-01-01T00:00:00Z');
  for (const user of seedUsers) {
    const id = userIdOf(user.openid);
    const { data } = await db.collection(Collections.users).doc(id).get();
    if (data.length === 0) {
      await db.collection(Collections.users).doc(id).set({
        openid: user.openid,
        nickname: user.nickname,
        avatar: null,
        homeCommunityId: user.homeCommunityId,
        locale: 'zh-CN',
        createdAt: epoch,
        updatedAt: epoch,
      });
    }
    if (user.grant) {
      await db.collection(Collections.roleGrants).doc(`grant-${user.openid}`).set({
        userId: id,
        role: user.grant.role,
        regionId: user.grant.regionId,
        grantedBy: 'seed',
        createdAt: epoch,
        revokedAt: null,
      });
    }
  }
}
