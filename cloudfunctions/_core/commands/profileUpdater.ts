/** Changes the caller's own profile; a home community must be a community that exists. */
import { AppError } from '../../../src/shared/errors';
import type { AccountUpdateProfileInput } from '../../../src/shared/schemas/account';
import { authorize } from '../../../src/shared/policies/authorize';
import { accountPolicies } from '../../../src/shared/policies/account';
import type { Actor } from '../authz/actor';
import { findRegion } from '../repositories/regions';
import { updateUser, type UserDoc } from '../repositories/users';

export async function updateOwnProfile(actor: Actor, input: AccountUpdateProfileInput): Promise<UserDoc> {
  authorize(accountPolicies, 'account.updateProfile', actor, { userId: actor.userId });
  if (input.homeCommunityId !== undefined) {
    const region = await findRegion(input.homeCommunityId);
    if (!region || region.level !== 'community') {
      throw new AppError('INVALID_INPUT', 'homeCommunityId: 请选择一个社区或村', [
        { path: 'homeCommunityId', message: '请选择一个社区或村' },
      ]);
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
