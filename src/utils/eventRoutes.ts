/**
 * Paths of the activity pages: resident pages in the main package, leader pages in the
 * package-events subpackage (loaded only when a leader opens one).
 */
import { TAB_ROUTES } from './routes';

export const eventRoutes = {
  activity: '/pages/activity/index',
  inbox: '/pages/inbox/index',
  checkin: '/pages/checkin/index',
  myActivities: '/pages/my-activities/index',
  proxies: '/pages/proxies/index',
  edit: '/package-events/edit/index',
  roster: '/package-events/roster/index',
  code: '/package-events/code/index',
  cancel: '/package-events/cancel/index',
  proxyResidents: '/package-proxy/residents/index',
  proxyCreate: '/package-proxy/create/index',
  proxyRecords: '/package-proxy/records/index',
} as const;

const query = (key: string, value: string) => `${key}=${encodeURIComponent(value)}`;

/** The activity page (also the share-card path and the inbox links' target). */
export function activityPath(activityId: string): string {
  return `${eventRoutes.activity}?${query('id', activityId)}`;
}

/** The check-in page for one activity (manual code entry; weapp also scans). */
export function checkinPath(activityId?: string): string {
  return activityId ? `${eventRoutes.checkin}?${query('id', activityId)}` : eventRoutes.checkin;
}

/** The leader's form: a new activity of a group, or an edit of one. */
export function createActivityPath(groupId: string): string {
  return `${eventRoutes.edit}?${query('groupId', groupId)}`;
}

export function editActivityPath(activityId: string): string {
  return `${eventRoutes.edit}?${query('id', activityId)}`;
}

export function rosterPath(activityId: string): string {
  return `${eventRoutes.roster}?${query('id', activityId)}`;
}

export function codePath(activityId: string): string {
  return `${eventRoutes.code}?${query('id', activityId)}`;
}

export function cancelActivityPath(activityId: string): string {
  return `${eventRoutes.cancel}?${query('id', activityId)}`;
}

/** An app page as an inbox link names it: 'pages/x/index' or 'package-y/x/index', with a query. */
const APP_PAGE = /^\/?((?:pages|package-[a-z0-9-]+)\/[a-z0-9-]+\/index)(\?[^#\s]*)?$/;

export interface LinkTarget {
  url: string;
  /** Tab pages open with switchTab (which takes no query). */
  tab: boolean;
}

/**
 * Where an inbox link leads, or null when it is not one of our pages (links come from the
 * server; anything else — an outside URL — is never opened).
 */
export function linkTarget(link: string | null): LinkTarget | null {
  const match = link ? APP_PAGE.exec(link.trim()) : null;
  if (!match) return null;
  const path = `/${match[1]}`;
  const tab = (TAB_ROUTES as readonly string[]).includes(path);
  return { url: tab ? path : `${path}${match[2] ?? ''}`, tab };
}

/** A resident's 代办记录 and consent history (herself when no id is given). */
export function proxyRecordsPath(residentUserId?: string): string {
  return residentUserId ? `${eventRoutes.proxyRecords}?${query('residentUserId', residentUserId)}` : eventRoutes.proxyRecords;
}

/** Registering a resident without a smartphone, or (with her id) recording another consent she signed. */
export function proxyCreatePath(residentUserId?: string): string {
  return residentUserId ? `${eventRoutes.proxyCreate}?${query('residentUserId', residentUserId)}` : eventRoutes.proxyCreate;
}
