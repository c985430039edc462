/** Paths of the committee-notice pages: the notice a resident opens (package-notices) and the staff page (package-staff). */
export const noticeRoutes = {
  detail: '/package-notices/detail/index',
  staff: '/package-staff/notices/index',
} as const;

/** The notice page of one notice (also where inbox links and subscribe messages lead). */
export function noticeDetailPath(noticeId: string): string {
  return `${noticeRoutes.detail}?id=${encodeURIComponent(noticeId)}`;
}
