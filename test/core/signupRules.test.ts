/** The sign-up rules' pure parts (commands/signups/signupRules.ts): which skills are missing, and an age from what is known. */
import { ageFor, missingSkills } from '../../cloudfunctions/_core/commands/signups/signupRules';
import type { VolunteerDoc } from '../../cloudfunctions/_core/repositories/volunteers';

test('required skills: every one must be held; case, width and spaces do not matter; none required lets anyone in', () => {
  expect(missingSkills([], [])).toEqual([]);
  expect(missingSkills(['急救', '摄影'], ['摄影'])).toEqual(['急救']);
  expect(missingSkills(['CPR', '摄影'], [' cpr ', '摄影'])).toEqual([]);
  expect(missingSkills(['ＰＰＴ'], ['ppt'])).toEqual([]);
  expect(missingSkills(['急救'], ['急救员'])).toEqual(['急救']);
});

test('age: exact from a volunteer registration, else the age reached in the activity\'s year from a birth year, else unknown', () => {
  // 2030-06-01 10:00 in China.
  const activity = { startAt: new Date('2030-06-01T02:00:00Z') };
  const volunteer = { status: 'active', adultFrom: '2030-06-02' } as VolunteerDoc;
  expect(ageFor(activity, volunteer, { birthYear: 1950 })).toBe(17);
  expect(ageFor(activity, { ...volunteer, status: 'withdrawn' }, { birthYear: 2013 })).toBe(17);
  expect(ageFor(activity, null, { birthYear: 2012 })).toBe(18);
  expect(ageFor(activity, null, { birthYear: null })).toBeNull();
  expect(ageFor(activity, null, null)).toBeNull();
});
