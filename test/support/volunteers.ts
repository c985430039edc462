/**
 * Volunteer set-up the volunteers, proofs, credits, console and signups HTTP tests share (split
 * by function, issue 17): valid mainland ID numbers, a resident of a community, a registration
 * with consent, and a volunteer whose confirmed hours earned her credits.
 */
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import type { VolunteerProfile } from '../../src/shared/schemas/volunteers';
import { createActivity, createAttendance, createGroup, type Db } from './fixtures';
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

/** Registers `client` as a volunteer (real name, ID number, phone, a skill, consent); `extra` adds or overrides fields. */
export async function registerVolunteer(client: Client, idNumber: string, extra: Record<string, unknown> = {}): Promise<VolunteerProfile> {
  return dataOf<VolunteerProfile>(
    client.call('volunteers', 'volunteers.register', { realName: '王秀英', idType: 'mainland_id', idNumber, phone: '13812345678', skills: ['急救'], sensitiveConsent: true, ...extra }),
  );
}

/** What `volunteerWithCredits` set up: the volunteer, her group's leader, and where she served. */
export interface CreditedVolunteer {
  volunteer: Client;
  profile: VolunteerProfile;
  leader: Client;
  groupId: string;
  activityId: string;
  signupId: string;
}

/**
 * A registered volunteer of 北苑 (cm-beiyuan) who served the two planned hours of her group's
 * volunteer activity, confirmed by its leader: `2 × creditsPerHour` credits are hers. For tests
 * that need credits, hours or a leader's confirmation without leaning on another test's writes.
 */
export async function volunteerWithCredits(
  cloudUrl: string,
  db: Db,
  who: { volunteer: string; leader: string; idNumber: string; creditsPerHour: number },
): Promise<CreditedVolunteer> {
  const groupId = await createGroup(db, { leader: who.leader, members: [who.volunteer] });
  const activityId = await createActivity(db, groupId, who.leader, { startsInHours: -3, volunteer: { plannedHours: 2, creditsPerHour: who.creditsPerHour } });
  const volunteer = await residentOf(cloudUrl, who.volunteer);
  const profile = await registerVolunteer(volunteer, who.idNumber);
  const signupId = await createAttendance(db, activityId, who.volunteer, 0, 120);
  const leader = await Client.signIn(cloudUrl, who.leader);
  await dataOf(leader.call('volunteers', 'hours.confirm', { activityId, items: [{ signupId }] }));
  return { volunteer, profile, leader, groupId, activityId, signupId };
}
