/**
 * Identity document numbers. Mainland resident ID numbers (GB 11643-1999) carry a birth date and
 * an ISO 7064 MOD 11-2 check character, so typos are caught before anything is stored; the
 * other documents a volunteer may register with get a format check only.
 */
export type IdType = 'mainland_id' | 'hk_macao_permit' | 'taiwan_permit' | 'passport';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character the first 17 digits call for. */
export function mainlandCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** The birth date (YYYY-MM-DD) in a mainland ID number, or null if it is not a real date. */
export function birthDateOf(idNumber: string): string | null {
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** Why a mainland ID number is wrong, or null when it is valid. */
export function mainlandIdProblem(idNumber: string): string | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return '身份证号应为 18 位，最后一位可以是 X';
  if (birthDateOf(idNumber) === null) return '身份证号中的出生日期不正确';
  if (mainlandCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return '身份证号校验位不正确，请核对';
  return null;
}

const OTHER_FORMATS: Record<Exclude<IdType, 'mainland_id'>, RegExp> = {
  // 港澳居民来往内地通行证: H or M followed by 8 or 10 digits.
  hk_macao_permit: /^[HM]\d{8}(\d{2})?$/,
  // 台湾居民来往大陆通行证: 8 digits (older ones 10 with a letter suffix).
  taiwan_permit: /^\d{8}([A-Z]\d?)?$/,
  passport: /^[A-Z0-9]{5,17}$/,
};

/** Why an identity number of a type is wrong, or null when it passes. Expects upper case. */
export function idNumberProblem(type: IdType, idNumber: string): string | null {
  if (type === 'mainland_id') return mainlandIdProblem(idNumber);
  return OTHER_FORMATS[type].test(idNumber) ? null : '证件号码格式不正确';
}

/** The masked form shown to everyone but the owner and authorised staff: 110105********1234. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return `${idNumber.slice(0, 1)}${'*'.repeat(Math.max(idNumber.length - 2, 1))}${idNumber.slice(-1)}`;
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}

/** Whole years of age on a day (YYYY-MM-DD), from a birth date (YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
