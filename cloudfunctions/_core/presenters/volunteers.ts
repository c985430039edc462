/**
 * What the volunteers function shows: a volunteer's profile, unmasked only where the viewer may
 * read it. Pure: the personal values come in already opened or masked (commands/volunteers/profile.ts).
 */
import type { VolunteerProfile } from '../../../src/shared/schemas/volunteers';
import { starsOf } from '../repositories/communitySettings';
import type { VolunteerDoc } from '../repositories/volunteers';
import { chinaDayOf } from '../runtime/chinaDay';

/** A volunteer's personal values as one viewer may see them: opened in full, or the stored masks. */
export interface VolunteerPersonal {
  full: boolean;
  realName: string;
  idNumber: string | null;
  phone: string | null;
  emergencyPhone: string | null;
  guardianPhone: string | null;
}

/** The volunteer with her personal values as the viewer may see them. */
export function presentVolunteer(doc: VolunteerDoc, personal: VolunteerPersonal, now: Date, totalMinutes: number, starThresholds: number[]): VolunteerProfile {
  const { full } = personal;
  const { stars, nextStarHours } = starsOf(totalMinutes, starThresholds);
  return {
    volunteerNo: doc.volunteerNo,
    realName: personal.realName,
    idType: doc.idType,
    idNumber: personal.idNumber,
    phone: personal.phone,
    skills: doc.skills,
    // Where someone can be found is for her and the staff over her community only.
    gridArea: full ? (doc.gridArea ?? null) : null,
    emergencyContact: doc.emergencyContact && personal.emergencyPhone !== null ? { name: doc.emergencyContact.name, phone: personal.emergencyPhone } : null,
    guardian: doc.guardian && personal.guardianPhone !== null ? { name: doc.guardian.name, relation: doc.guardian.relation, phone: personal.guardianPhone } : null,
    isMinor: doc.adultFrom !== null && chinaDayOf(now) < doc.adultFrom,
    status: doc.status,
    registeredAt: doc.registeredAt.toISOString(),
    masked: !full,
    totalMinutes,
    stars,
    nextStarHours,
  };
}
