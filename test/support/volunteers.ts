/**
 * Volunteer set-up the volunteers and proofs HTTP tests share (split by function, issue 17):
 * valid mainland ID numbers, a resident of a community, and a registration with consent.
 */
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import type { VolunteerProfile } from '../../src/shared/schemas/volunteers';
import { Client, dataOf } from './localCloud';

/** A valid mainland ID number for a birth date (YYYYMMDD) and sequence. */
export const idFor = (birth: string, seq = '123') => {
  const first17 = `110105${birth}${seq}`;
  return `${first17}${mainlandCheckChar(first17)}`;
};

/** Signs a resident in and makes `communityId` her home, as the app's profile page does. */
export async function residentOf(cloudUrl: string, openid: string, communityId = 'cm-beiyuan'): Promise<Client> {
  const client = await Client.signIn(cloudUrl, openid);
  await dataOf(client.call('account', 'account.updateProfile', { homeCommunityId: communityId }));
  return client;
}

export async function registerVolunteer(client: Client, idNumber: string, extra: Record<string, unknown> = {}): Promise<VolunteerProfile> {
  return dataOf<VolunteerProfile>(
    client.call('volunteers', 'volunteers.register', { realName: '王秀英', idType: 'mainland_id', idNumber, phone: '13812345678', skills: ['急救'], sensitiveConsent: true, ...extra }),
  );
}
