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
  /** Committee notices to every resident of a community (see repositories/notices.ts). */
  notices: 'notices',
  /** One read mark per resident per notice (and her dismissal of its pin). */
  noticeReads: 'notice_reads',
  /** Residents' one-time consents to a subscribe message for notices, counted. */
  noticeSubscriptions: 'notice_subscriptions',
  /** One mark per subscribe message of a notice to a resident: never sent twice. */
  noticeSends: 'notice_sends',
  /** The needs board (微心愿 / 邻里求助), see repositories/needs.ts. */
  needs: 'needs',
  /** The time-bank offer board beside it. */
  needOffers: 'need_offers',
  /** The register of people served, their pairings and visit logs (issue 18 item 2). */
  careRecipients: 'care_recipients',
  carePairs: 'care_pairs',
  careVisits: 'care_visits',
} as const;

export type CollectionName = (typeof Collections)[keyof typeof Collections];
