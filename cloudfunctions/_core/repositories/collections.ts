/** Names of every collection the functions use, so a typo is a compile error. */
export const Collections = {
  users: 'users',
  regions: 'regions',
  roleGrants: 'role_grants',
  idempotency: 'idempotency',
  rateLimits: 'rate_limits',
  inbox: 'inbox',
  auditLog: 'audit_log',
  contentWords: 'content_words',
  groups: 'groups',
  memberships: 'memberships',
  invites: 'invites',
  hubLinks: 'hub_links',
  posts: 'posts',
  activities: 'activities',
  seats: 'seats',
  signups: 'signups',
  proxies: 'proxies',
  reports: 'reports',
  moderationCases: 'moderation_cases',
  hourRecords: 'hour_records',
} as const;

export type CollectionName = (typeof Collections)[keyof typeof Collections];
