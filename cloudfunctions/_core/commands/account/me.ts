/** account.me: the signed-in user's own account, and the subscribe templates the app's consent prompts ask for. */
import type { AccountMeOutput } from '../../../../src/shared/schemas/account';
import type { Actor } from '../../authz/actor';
import { subscribeTemplates } from '../../ports/wechat/templates';
import { presentOwnAccount } from '../../presenters/account';
import { findRegions } from '../../repositories/regions';

/** The actor's account with the names of her home community and her grants' regions. */
export async function myAccount(actor: Actor): Promise<AccountMeOutput> {
  const user = actor.user;
  const regionIds = [...new Set([...(user.homeCommunityId ? [user.homeCommunityId] : []), ...actor.grants.map((g) => g.regionId)])];
  const regions = new Map((await findRegions(regionIds)).map((r) => [r._id, r]));
  return { ...presentOwnAccount(actor, regions), subscribeTemplates: subscribeTemplates() };
}
