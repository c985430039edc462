/**
 * Paths of the moderation pages: the staff console in package-staff, and the resident's report
 * and notices pages in package-me (subpackages, so the main package only carries these strings).
 */
import type { ReportTargetType } from '../shared/schemas/moderation';

const staff = '/package-staff';
const me = '/package-me';

export const moderationRoutes = {
  staff: `${staff}/home/index`,
  queue: `${staff}/moderation/index`,
  appeals: `${staff}/appeals/index`,
  audit: `${staff}/audit/index`,
  dashboard: `${staff}/dashboard/index`,
  roles: `${staff}/roles/index`,
  rollcall: `${staff}/rollcall/index`,
  regions: `${staff}/regions/index`,
  notifyFailures: `${staff}/notify-failures/index`,
  report: `${me}/report/index`,
  notices: `${me}/notices/index`,
} as const;

/** The staff page of one roll-call (its tally), or the form for a new one. */
export function rollCallPath(id?: string): string {
  return id ? `${moderationRoutes.rollcall}?id=${encodeURIComponent(id)}` : moderationRoutes.rollcall;
}

/** Longest title carried in a report link (the page only shows it as a reminder). */
const TITLE_MAX = 40;

/**
 * The report page for one item or person ('user', with their nickname as `title`). `title` is
 * shown to the reporter; `groupId` lets the page refresh the group page underneath when the
 * report hid something there.
 */
export function reportPath(type: ReportTargetType, id: string, title?: string, groupId?: string): string {
  const query = [`type=${type}`, `id=${encodeURIComponent(id)}`];
  if (title) query.push(`title=${encodeURIComponent(title.slice(0, TITLE_MAX))}`);
  if (groupId) query.push(`groupId=${encodeURIComponent(groupId)}`);
  return `${moderationRoutes.report}?${query.join('&')}`;
}

/** The author's notices; with a case id that case is shown first (inbox links carry one). */
export function noticesPath(caseId?: string): string {
  return caseId ? `${moderationRoutes.notices}?id=${encodeURIComponent(caseId)}` : moderationRoutes.notices;
}
