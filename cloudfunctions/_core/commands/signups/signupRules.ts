/**
 * The rules an activity sets for who may sign up (issue 18 item 4), checked for whoever the
 * sign-up is for — herself or the resident a proxy signs up:
 * - required skills (ActivityDoc.skills; the form's "不填表示不限": filled means required) against
 *   the skills of her volunteer registration and those she declared on her profile, the refusal
 *   naming what is missing;
 * - the minimum age and a guardian's consent for anyone under 18 (志愿服务条例: minors take part
 *   with their guardian's consent), for EVERY person whose age is known: exactly from her volunteer
 *   registration (the day she turns 18), else from the birth year on her profile — the age she
 *   reaches in the activity's year, all a birth year can tell. An activity with a minimum age and
 *   a person of unknown age: the app asks her birth year (birthYearNeeded) before anything is written.
 */
import { signupErrors } from '../../../../src/shared/domainErrors';
import { ageOn } from '../../../../src/shared/identity/idNumber';
import type { ActivityDoc } from '../../repositories/activities';
import { findUser, type UserDoc } from '../../repositories/users';
import { findVolunteer, type VolunteerDoc } from '../../repositories/volunteers';
import { addYears, chinaDayOf } from '../../runtime/chinaDay';

/** How a skill is compared: trimmed, case and width of Latin letters ignored. */
const skillKey = (skill: string) => skill.normalize('NFKC').trim().toLowerCase();

/** The activity's required skills the person lacks (none when it requires none). */
export function missingSkills(required: readonly string[], has: readonly string[]): string[] {
  const own = new Set(has.map(skillKey));
  return required.filter((skill) => !own.has(skillKey(skill)));
}

/** Her age on the activity's day, or null when unknown. */
export function ageFor(activity: Pick<ActivityDoc, 'startAt'>, volunteer: VolunteerDoc | null, user: Pick<UserDoc, 'birthYear'> | null): number | null {
  const day = chinaDayOf(activity.startAt);
  if (volunteer && volunteer.status === 'active' && volunteer.adultFrom) return ageOn(addYears(volunteer.adultFrom, -18), day);
  if (user?.birthYear) return Number(day.slice(0, 4)) - user.birthYear;
  return null;
}

/**
 * Refuses a sign-up the activity's rules do not allow. `known` is the person's user document
 * when at hand (signing up oneself): a plain activity then costs no read at all; the volunteer
 * registration is read only where skills, a minimum age or volunteering are involved.
 */
export async function assertSignupRulesAllow(userId: string, activity: ActivityDoc, guardianConsent: boolean, known?: UserDoc): Promise<void> {
  const needsRegistration = activity.minAge !== null || activity.volunteer !== null || activity.skills.length > 0;
  const [volunteer, user] = await Promise.all([needsRegistration ? findVolunteer(userId) : Promise.resolve(null), known ? Promise.resolve(known) : findUser(userId)]);
  const active = volunteer?.status === 'active' ? volunteer : null;
  const lacking = missingSkills(activity.skills, [...(active?.skills ?? []), ...(user?.skills ?? [])]);
  if (lacking.length > 0) throw signupErrors.missingSkills({ skills: lacking.join('、') });
  const age = ageFor(activity, active, user);
  if (age === null) {
    if (activity.minAge !== null) throw signupErrors.birthYearNeeded();
    return;
  }
  if (activity.minAge !== null && age < activity.minAge) throw signupErrors.tooYoung({ minAge: activity.minAge });
  if (age < 18 && !guardianConsent) throw signupErrors.guardianConsentRequired();
}
