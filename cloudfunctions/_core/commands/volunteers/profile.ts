/** Shared by the volunteers.* actions: a volunteer's profile with her confirmed hours and stars. */
import type { VolunteerProfile } from '../../../../src/shared/schemas/volunteers';
import { presentVolunteer } from '../../presenters/volunteers';
import { settingsFor } from '../../repositories/communitySettings';
import { confirmedMinutesOf } from '../../repositories/hourRecords';
import type { VolunteerDoc } from '../../repositories/volunteers';

/** The profile as `view` allows ('full' opens the sealed values, 'masked' never touches them). */
export async function volunteerProfile(doc: VolunteerDoc, view: 'full' | 'masked', now: Date): Promise<VolunteerProfile> {
  const [totalMinutes, settings] = await Promise.all([confirmedMinutesOf(doc.userId), settingsFor(doc.homeCommunityId)]);
  return presentVolunteer(doc, view, now, totalMinutes, settings.starThresholds);
}
