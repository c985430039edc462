/**
 * Paths of the registry pages: the leader subpackage (founding, applications, group management)
 * and the staff subpackage (review). Kept apart from routes.ts, which lists the main package.
 */
const leader = '/package-leader';
const staff = '/package-staff';

export const registryRoutes = {
  found: `${leader}/found/index`,
  applications: `${leader}/applications/index`,
  manage: `${leader}/manage/index`,
  edit: `${leader}/edit/index`,
  requests: `${leader}/requests/index`,
  members: `${leader}/members/index`,
  post: `${leader}/post/index`,
  invite: `${leader}/invite/index`,
  hub: `${leader}/hub/index`,
  review: `${staff}/review/index`,
} as const;

type GroupPage = 'manage' | 'edit' | 'requests' | 'members' | 'post' | 'invite' | 'hub';

/** A leader page about one group (`?id=`). */
export function leaderPath(page: GroupPage, groupId: string): string {
  return `${registryRoutes[page]}?id=${encodeURIComponent(groupId)}`;
}

/** The founding form; with a group id it edits and resubmits that rejected application. */
export function foundPath(resubmitGroupId?: string): string {
  return resubmitGroupId ? `${registryRoutes.found}?groupId=${encodeURIComponent(resubmitGroupId)}` : registryRoutes.found;
}

/** The review queue; with a group id that application is shown first. */
export function reviewPath(groupId?: string): string {
  return groupId ? `${registryRoutes.review}?id=${encodeURIComponent(groupId)}` : registryRoutes.review;
}
