/** Shared by the volunteers.* actions: a volunteer's profile with her confirmed hours and stars. */
import type { VolunteerProfile } from '../../../../src/shared/schemas/volunteers';
import { presentVolunteer, type VolunteerPersonal } from '../../presenters/volunteers';
import { openPersonal } from '../../privacy/personalData';
import { settingsFor } from '../../repositories/communitySettings';
import { confirmedMinutesOf } from '../../repositories/hourRecords';
import type { VolunteerDoc } from '../../repositories/volunteers';

/** The personal values as `view` allows: 'full' (of an active volunteer) opens the sealed values, 'masked' never touches them. */
function personalAsSeen(doc: VolunteerDoc, view: 'full' | 'masked'): VolunteerPersonal {
  const full = view === 'full' && doc.status === 'active';
  const open = (sealed: string | null | undefined) => (sealed ? openPersonal(sealed) : null);
  const phone = (p: { sealed: string; masked: string } | null | undefined) => (p ? (full ? openPersonal(p.sealed) : p.masked) : null);
  return {
    full,
    realName: full ? (open(doc.realNameSealed) ?? doc.nameMasked) : doc.nameMasked,
    idNumber: full ? open(doc.idSealed) : doc.idMasked,
    phone: phone(doc.phone),
    emergencyPhone: phone(doc.emergencyContact?.phone),
    guardianPhone: phone(doc.guardian?.phone),
  };
}

/** The profile as `view` allows ('full' opens the sealed values, 'masked' never touches them). */
export async function volunteerProfile(doc: VolunteerDoc, view: 'full' | 'masked', now: Date): Promise<VolunteerProfile> {
  const [totalMinutes, settings] = await Promise.all([confirmedMinutesOf(doc.userId), settingsFor(doc.homeCommunityId)]);
  return presentVolunteer(doc, personalAsSeen(doc, view), now, totalMinutes, settings.starThresholds);
}
