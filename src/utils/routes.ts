/** Page paths, in one place so a moved page is one edit. */
export const routes = {
  home: '/pages/home/index',
  activities: '/pages/activities/index',
  me: '/pages/me/index',
  group: '/pages/group/index',
  community: '/pages/community/index',
  settings: '/pages/settings/index',
  login: '/pages/login/index',
} as const;

export const TAB_ROUTES = [routes.home, routes.activities, routes.me] as const;

/** The group page of one group (also the share-card path). */
export function groupPath(groupId: string): string {
  return `${routes.group}?id=${encodeURIComponent(groupId)}`;
}

/** The community picker; `first` marks the first-run flow (no way back, home afterwards). */
export function communityPath(first = false): string {
  return first ? `${routes.community}?first=1` : routes.community;
}

/** The sign-in page; `returnTo` is the page to open afterwards (a shared group link, say). */
export function loginPath(returnTo?: string): string {
  return returnTo ? `${routes.login}?returnTo=${encodeURIComponent(returnTo)}` : routes.login;
}

/** The shape of our page paths: '/pages/x/index' or a subpackage's '/package-y/x/index'. */
const OWN_PAGE = /^\/(?:pages|package-[a-z0-9-]+)\/[a-z0-9-]+\/index$/;

/**
 * A `returnTo` we are willing to open: one of our own pages (a shared activity, the check-in
 * QR's page), never an outside URL.
 */
export function safeReturnTo(value: string | undefined): string | null {
  if (!value) return null;
  // Mini-program options arrive still encoded; the H5 router decodes them.
  const decoded = value.startsWith('%2F') ? decodeURIComponent(value) : value;
  const path = decoded.split('?')[0] ?? '';
  return OWN_PAGE.test(path) && path !== routes.login ? decoded : null;
}
