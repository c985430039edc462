/**
 * Paths of the volunteer pages (the package-volunteer subpackage). Kept in the main package
 * because the Me tab, the activity page and the roster link to them; the pages themselves load
 * only when opened.
 */
const root = '/package-volunteer';

export const volunteerRoutes = {
  register: `${root}/register/index`,
  profile: `${root}/profile/index`,
  hours: `${root}/hours/index`,
  report: `${root}/report/index`,
  confirm: `${root}/confirm/index`,
  review: `${root}/review/index`,
  credits: `${root}/credits/index`,
  store: `${root}/store/index`,
  storeAdmin: `${root}/store-admin/index`,
  pool: `${root}/pool/index`,
  proofs: `${root}/proofs/index`,
  issue: `${root}/issue/index`,
  verify: `${root}/verify/index`,
  rollcall: `${root}/rollcall/index`,
} as const;

/** The leader's hour confirmation for one activity. */
export function confirmHoursPath(activityId: string): string {
  return `${volunteerRoutes.confirm}?id=${encodeURIComponent(activityId)}`;
}

/** The public proof check, optionally with the code filled in (the link printed on a proof). */
export function verifyPath(code?: string): string {
  return code ? `${volunteerRoutes.verify}?code=${encodeURIComponent(code)}` : volunteerRoutes.verify;
}

/** A volunteer's answer to one roll-call (the inbox notice opens it), or her list of them. */
export function rollCallAnswerPath(rollCallId?: string): string {
  return rollCallId ? `${volunteerRoutes.rollcall}?id=${encodeURIComponent(rollCallId)}` : volunteerRoutes.rollcall;
}

/** Settings and the credit pool of one community (staff). */
export function poolPath(communityId: string): string {
  return `${volunteerRoutes.pool}?communityId=${encodeURIComponent(communityId)}`;
}
