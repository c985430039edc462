/** What the account function shows: the signed-in user's own account with their roles and abilities. */
import { accountPolicies } from '../../../src/shared/policies/account';
import type { AccountMeOutput } from '../../../src/shared/schemas/account';
import type { Actor } from '../authz/actor';
import { abilities } from '../authz/authorize';
import type { RegionDoc } from '../repositories/regions';
import { presentRegion } from './regions';

/** The actor's own account; `regions` holds her home community and her grants' regions. */
export function presentOwnAccount(actor: Actor, regions: Map<string, RegionDoc>): AccountMeOutput {
  const user = actor.user;
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
      birthYear: user.birthYear ?? null,
      skills: user.skills ?? [],
    },
    abilities: abilities(accountPolicies, actor, { userId: user._id }),
  };
}
