import type { AccountMeOutput } from '../../../src/shared/schemas/account';
import { abilities } from '../../../src/shared/policies/authorize';
import { accountPolicies } from '../../../src/shared/policies/account';
import type { Actor } from '../authz/actor';
import { findRegions } from '../repositories/regions';
import { presentRegion } from './regions';

/** The signed-in user's own account with their roles and abilities. */
export async function presentOwnAccount(actor: Actor): Promise<AccountMeOutput> {
  const user = actor.user;
  const regionIds = [...new Set([...(user.homeCommunityId ? [user.homeCommunityId] : []), ...actor.grants.map((g) => g.regionId)])];
  const regions = new Map((await findRegions(regionIds)).map((r) => [r._id, r]));
  const home = user.homeCommunityId ? regions.get(user.homeCommunityId) : undefined;
  return {
    account: {
      id: user._id,
      nickname: user.nickname,
      avatar: user.avatar,
      homeCommunity: home ? presentRegion(home) : null,
      roles: actor.grants.map((grant) => ({
        role: grant.role,
        regionId: grant.regionId,
        regionName: regions.get(grant.regionId)?.name ?? '',
      })),
      createdAt: user.createdAt.toISOString(),
      locale: user.locale === 'en' ? 'en' : 'zh-CN',
    },
    abilities: abilities(accountPolicies, actor, { userId: user._id }),
  };
}
