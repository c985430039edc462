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
  /** What proxies did for residents (代办记录, see repositories/proxyActions.ts). */
  proxyActions: 'proxy_actions',
  reports: 'reports',
  moderationCases: 'moderation_cases',
  hourRecords: 'hour_records',
  volunteers: 'volunteers',
  hourCorrections: 'hour_corrections',
  counters: 'counters',
  ledgerAccounts: 'ledger_accounts',
  ledgerEntries: 'ledger_entries',
  ledgerPostings: 'ledger_postings',
  communitySettings: 'community_settings',
  storeItems: 'store_items',
  redemptions: 'redemptions',
  redemptionCounts: 'redemption_counts',
  pickupCodes: 'pickup_codes',
  proofs: 'proofs',
  rollCalls: 'roll_calls',
  rollCallAnswers: 'roll_call_answers',
  /** Subscribe messages WeChat did not take (see ports/notify.ts). */
  notifyFailures: 'notify_failures',
  /** Image checks submitted to WeChat and their pushed verdicts (see ports/imageCheck.ts). */
  mediaChecks: 'media_checks',
  /** Background jobs: big exports, a roll-call's notices (see repositories/jobs.ts). */
  jobs: 'jobs',
  /** What a job's slices made, kept for its finishing step (an export's rows). */
  jobParts: 'job_parts',
} as const;

export type CollectionName = (typeof Collections)[keyof typeof Collections];
