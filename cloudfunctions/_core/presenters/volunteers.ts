/** What the volunteers function shows: a volunteer's profile, unmasked only where the viewer may read it. */
import type { VolunteerProfile } from '../../../src/shared/schemas/volunteers';
import { openPersonal } from '../privacy/personalData';
import { starsOf } from '../repositories/communitySettings';
import type { VolunteerDoc } from '../repositories/volunteers';
import { chinaDayOf } from '../runtime/chinaDay';

/** The volunteer as `view` allows: 'full' opens the sealed values, 'masked' never touches them. */
export function presentVolunteer(doc: VolunteerDoc, view: 'full' | 'masked', now: Date, totalMinutes: number, starThresholds: number[]): VolunteerProfile {
  const open = (sealed: string | null | undefined) => (sealed ? openPersonal(sealed) : null);
  const full = view === 'full' && doc.status === 'active';
  const phone = (p: { sealed: string; masked: string } | null) => (p ? (full ? openPersonal(p.sealed) : p.masked) : null);
  const { stars, nextStarHours } = starsOf(totalMinutes, starThresholds);
  return {
    volunteerNo: doc.volunteerNo,
    realName: full ? (open(doc.realNameSealed) ?? doc.nameMasked) : doc.nameMasked,
    idType: doc.idType,
    idNumber: full ? open(doc.idSealed) : doc.idMasked,
    phone: phone(doc.phone),
    skills: doc.skills,
    // Where someone can be found is for her and the staff over her community only.
    gridArea: full ? (doc.gridArea ?? null) : null,
    emergencyContact: doc.emergencyContact ? { name: doc.emergencyContact.name, phone: phone(doc.emergencyContact.phone)! } : null,
    guardian: doc.guardian ? { name: doc.guardian.name, relation: doc.guardian.relation, phone: phone(doc.guardian.phone)! } : null,
    isMinor: doc.adultFrom !== null && chinaDayOf(now) < doc.adultFrom,
    status: doc.status,
    registeredAt: doc.registeredAt.toISOString(),
    masked: !full,
    totalMinutes,
    stars,
    nextStarHours,
  };
}
