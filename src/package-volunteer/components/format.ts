/** Small pure helpers of the volunteer pages: hours, identity problems, age, form values. */
import { ageOn, birthDateOf, idNumberProblem, type IdType } from '../../shared/identity/idNumber';
import { Day } from '../../shared/schemas/volunteers';
import type { MessageKey } from '../../locales';
import { schemaMessageKey } from '../../utils/schemaErrors';

/** Hours with one decimal, as every volunteer screen shows them (records keep minutes). */
export function hoursOf(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toFixed(1);
}

/**
 * The locale key of what is wrong with an ID number, or null when it passes. The shared
 * idNumberProblem decides and words it (the server runs the same check); its Chinese message is
 * found in forms.schema, so it reads in the user's language.
 */
export function idProblemKey(type: IdType, raw: string): MessageKey | null {
  const idNumber = raw.trim().toUpperCase();
  if (!idNumber) return 'volunteer.register.problems.idRequired';
  const problem = idNumberProblem(type, idNumber);
  if (problem === null) return null;
  return schemaMessageKey(problem) ?? 'volunteer.register.problems.idInvalid';
}

/**
 * The birth date the form knows: from a valid mainland ID, or what the person entered for the
 * other documents. Null while unknown (the guardian section then stays hidden).
 */
export function knownBirthDate(type: IdType, idNumber: string, entered: string): string | null {
  if (type === 'mainland_id') {
    const upper = idNumber.trim().toUpperCase();
    return idNumberProblem(type, upper) === null ? birthDateOf(upper) : null;
  }
  return Day.safeParse(entered).success ? entered : null;
}

/** Under 18 on `today` (China day): the regulation asks for a guardian's consent. */
export function isMinor(birthDate: string | null, today: string): boolean {
  return birthDate !== null && ageOn(birthDate, today) < 18;
}

/** A whole number typed into a text box, or null when it is not one. */
export function wholeNumber(value: string): number | null {
  const trimmed = value.trim();
  return /^-?\d{1,7}$/.test(trimmed) ? Number(trimmed) : null;
}

/** A plus sign for positive ledger amounts (minus comes with the number). */
export function signOf(amount: number): string {
  return amount > 0 ? '+' : '';
}

/** The 8 digits of a pickup code in two groups of four, easier to read out at the counter. */
export function groupedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}
