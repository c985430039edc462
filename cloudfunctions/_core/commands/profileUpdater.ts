/** Changes the caller's own profile; a home community must be a community that exists. */
import type { AccountUpdateProfileInput } from '../../../src/shared/schemas/account';
import { authorize } from '../../../src/shared/policies/authorize';
import { accountPolicies } from '../../../src/shared/policies/account';
import type { Actor } from '../runtime/actor';
import { findRegion } from '../repositories/regions';
import { updateUser, type UserDoc } from '../repositories/users';
import { accountErrors } from '../../../src/shared/domainErrors';

export async function updateOwnProfile(actor: Actor, input: AccountUpdateProfileInput): Promise<UserDoc> {
  authorize(accountPolicies, 'account.updateProfile', actor, { userId: actor.userId });
  if (input.homeCommunityId !== undefined) {
    const region = await findRegion(input.homeCommunityId);
    if (!region || region.level !== 'community') {
      throw accountErrors.homeCommunityRequired();
    }
  }
  const fields: Partial<Pick<UserDoc, 'nickname' | 'avatar' | 'homeCommunityId' | 'locale'>> = {};
  if (input.nickname !== undefined) fields.nickname = input.nickname;
  if (input.avatar !== undefined) fields.avatar = input.avatar;
  if (input.homeCommunityId !== undefined) fields.homeCommunityId = input.homeCommunityId;
  if (input.locale !== undefined) fields.locale = input.locale;
  await updateUser(actor.userId, fields);
  return { ...actor.user, ...fields };
}
