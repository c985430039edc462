/** account.updateProfile: the caller changes her own profile; a home community must be a community that exists. */
import { accountPolicies } from '../../../../src/shared/policies/account';
import type { AccountMeOutput, AccountUpdateProfileInput } from '../../../../src/shared/schemas/account';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { findRegion } from '../../repositories/regions';
import { updateUser, type UserDoc } from '../../repositories/users';
import { myAccount } from './me';
import { actingFor, logProxyAct } from '../../authz/proxies';
import { accountErrors } from '../../../../src/shared/domainErrors';

/**
 * Changes the actor's own profile and answers her account as it is now. With `forUserId` a
 * consented proxy gives the birth year of the resident he acts for (the schema allows nothing
 * else then): checked against his active consent and logged in her 代办记录.
 */
export async function updateOwnProfile(actor: Actor, input: AccountUpdateProfileInput, now: Date = new Date()): Promise<AccountMeOutput> {
  if (input.forUserId !== undefined && input.forUserId !== actor.userId) {
    const acting = await actingFor(actor, input.forUserId);
    if (input.birthYear !== undefined) await updateUser(acting.userId, { birthYear: input.birthYear });
    await logProxyAct(actor, acting, 'birth_year', null, now);
    return myAccount(actor);
  }
  authorize(accountPolicies, 'account.updateProfile', actor, { userId: actor.userId });
  if (input.homeCommunityId !== undefined) {
    const region = await findRegion(input.homeCommunityId);
    if (!region || region.level !== 'community') {
      throw accountErrors.homeCommunityRequired();
    }
  }
  const fields: Partial<Pick<UserDoc, 'nickname' | 'avatar' | 'homeCommunityId' | 'locale' | 'birthYear' | 'skills'>> = {};
  if (input.birthYear !== undefined) fields.birthYear = input.birthYear;
  if (input.skills !== undefined) fields.skills = [...new Set(input.skills)];
  if (input.nickname !== undefined) fields.nickname = input.nickname;
  if (input.avatar !== undefined) fields.avatar = input.avatar;
  if (input.homeCommunityId !== undefined) fields.homeCommunityId = input.homeCommunityId;
  if (input.locale !== undefined) fields.locale = input.locale;
  await updateUser(actor.userId, fields);
  return myAccount({ ...actor, user: { ...actor.user, ...fields } });
}
