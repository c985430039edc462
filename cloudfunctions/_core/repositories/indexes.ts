/**
 * Index declarations: written once here, created as SQLite expression indexes by the local
 * emulator and as database indexes on CloudBase by `npm run deploy:indexes`.
 * Declared fields must hold scalars of the declared type (the emulator pushes filters and
 * sorts on them down to SQLite, which compares scalars only).
 */
import { Collections } from './collections';

export type IndexFieldType = 'string' | 'number' | 'date' | 'bool';

export interface IndexField {
  field: string;
  type: IndexFieldType;
  direction?: 1 | -1;
}

export interface IndexDeclaration {
  collection: string;
  name: string;
  fields: IndexField[];
  unique?: boolean;
}

/** All indexes of the product; features append theirs here. */
export const indexDeclarations: IndexDeclaration[] = [
  { collection: Collections.users, name: 'openid', unique: true, fields: [{ field: 'openid', type: 'string' }] },
  // A pushed image verdict finds its submission by WeChat's trace id.
  { collection: Collections.mediaChecks, name: 'trace', fields: [{ field: 'traceId', type: 'string' }] },
  {
    collection: Collections.users,
    name: 'home_community',
    fields: [{ field: 'homeCommunityId', type: 'string' }],
  },
  { collection: Collections.regions, name: 'parent', fields: [{ field: 'parentId', type: 'string' }] },
  {
    collection: Collections.roleGrants,
    name: 'user_role',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'role', type: 'string' },
    ],
  },
  {
    collection: Collections.roleGrants,
    name: 'region_role',
    fields: [
      { field: 'regionId', type: 'string' },
      { field: 'role', type: 'string' },
    ],
  },
  {
    collection: Collections.idempotency,
    name: 'expires',
    fields: [{ field: 'expiresAt', type: 'date' }],
  },
  {
    collection: Collections.rateLimits,
    name: 'expires',
    fields: [{ field: 'expiresAt', type: 'date' }],
  },
  {
    collection: Collections.inbox,
    name: 'user_created',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  {
    // Staff's view of failed subscribe messages: a region's communities, newest first.
    collection: Collections.notifyFailures,
    name: 'community_created',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.auditLog,
    name: 'target',
    fields: [
      { field: 'targetId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.groups,
    name: 'community_status_members',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'memberCount', type: 'number', direction: -1 },
    ],
  },
  {
    // The type filter of discovery, so it is answered by SQLite too.
    collection: Collections.groups,
    name: 'community_status_type_members',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'type', type: 'string' },
      { field: 'memberCount', type: 'number', direction: -1 },
    ],
  },
  {
    collection: Collections.groups,
    name: 'street_status_members',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'memberCount', type: 'number', direction: -1 },
    ],
  },
  {
    // The type filter of discovery, so it is answered by SQLite too.
    collection: Collections.groups,
    name: 'street_status_type_members',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'type', type: 'string' },
      { field: 'memberCount', type: 'number', direction: -1 },
    ],
  },
  {
    collection: Collections.groups,
    name: 'county_status',
    fields: [
      { field: 'countyId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  { collection: Collections.groups, name: 'applicant', fields: [{ field: 'applicantId', type: 'string' }] },
  {
    collection: Collections.hubLinks,
    name: 'hub_status',
    fields: [
      { field: 'hubId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  {
    collection: Collections.hubLinks,
    name: 'group_status',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  {
    collection: Collections.posts,
    name: 'group_created',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  { collection: Collections.posts, name: 'images_pending', fields: [{ field: 'imagesPending', type: 'number' }] },
  {
    collection: Collections.activities,
    name: 'group_start',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'community_status_start',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'street_status_start',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'community_status_category_start',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'category', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'community_status_isvolunteer_start',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'isVolunteer', type: 'bool' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'street_status_category_start',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'category', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'street_status_isvolunteer_start',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'isVolunteer', type: 'bool' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'status_start',
    fields: [
      { field: 'status', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.activities,
    name: 'waitlist_start',
    fields: [
      { field: 'waitlistCount', type: 'number' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    collection: Collections.seats,
    name: 'activity_state',
    fields: [
      { field: 'activityId', type: 'string' },
      { field: 'state', type: 'string' },
    ],
  },
  { collection: Collections.seats, name: 'signup', fields: [{ field: 'signupId', type: 'string' }] },
  {
    collection: Collections.signups,
    name: 'activity_status_seq',
    fields: [
      { field: 'activityId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'waitSeq', type: 'number' },
    ],
  },
  {
    collection: Collections.signups,
    name: 'user_status_start',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'status', type: 'string' },
      { field: 'startAt', type: 'date' },
    ],
  },
  {
    // The inbox's view of a resident's own sign-ups (what each one came to, told on the sign-up).
    collection: Collections.signups,
    name: 'user_told',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'told.at', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.signups,
    name: 'status_offer_expiry',
    fields: [
      { field: 'status', type: 'string' },
      { field: 'offerExpiresAt', type: 'date' },
    ],
  },
  {
    collection: Collections.signups,
    name: 'user_group_status',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'groupId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  {
    collection: Collections.proxies,
    name: 'proxy',
    fields: [
      { field: 'proxyUserId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  {
    collection: Collections.proxies,
    name: 'elder',
    fields: [
      { field: 'elderUserId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  {
    collection: Collections.moderationCases,
    name: 'community_state',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'state', type: 'string' },
    ],
  },
  {
    collection: Collections.moderationCases,
    name: 'street_state',
    fields: [
      { field: 'streetId', type: 'string' },
      { field: 'state', type: 'string' },
    ],
  },
  { collection: Collections.moderationCases, name: 'author', fields: [{ field: 'authorId', type: 'string' }] },
  // The reporters' own words beside each case in the staff queue, newest first.
  {
    collection: Collections.reports,
    name: 'case_created',
    fields: [
      { field: 'caseId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.auditLog,
    name: 'region_created',
    fields: [
      { field: 'regionId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.memberships,
    name: 'user_status',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  {
    collection: Collections.memberships,
    name: 'group_status',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  // ---- volunteer service ----
  { collection: Collections.volunteers, name: 'volunteer_no', unique: true, fields: [{ field: 'volunteerNo', type: 'string' }] },
  { collection: Collections.volunteers, name: 'id_digest', fields: [{ field: 'idDigest', type: 'string' }] },
  {
    collection: Collections.hourRecords,
    name: 'user_date',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'serviceDate', type: 'string', direction: -1 },
    ],
  },
  {
    collection: Collections.hourRecords,
    name: 'activity',
    fields: [{ field: 'activityId', type: 'string' }],
  },
  {
    collection: Collections.hourRecords,
    name: 'group_state',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'recordedAt', type: 'date' },
    ],
  },
  {
    collection: Collections.hourRecords,
    name: 'community_state',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'recordedAt', type: 'date' },
    ],
  },
  { collection: Collections.hourRecords, name: 'street', fields: [{ field: 'streetId', type: 'string' }] },
  { collection: Collections.hourRecords, name: 'county', fields: [{ field: 'countyId', type: 'string' }] },
  {
    collection: Collections.hourCorrections,
    name: 'group_state',
    fields: [
      { field: 'groupId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'createdAt', type: 'date' },
    ],
  },
  {
    collection: Collections.hourCorrections,
    name: 'community_state',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'createdAt', type: 'date' },
    ],
  },
  { collection: Collections.hourCorrections, name: 'record', fields: [{ field: 'recordId', type: 'string' }, { field: 'state', type: 'string' }] },
  {
    collection: Collections.ledgerAccounts,
    name: 'expiry',
    fields: [
      { field: 'kind', type: 'string' },
      { field: 'nextExpiryAt', type: 'date' },
    ],
  },
  {
    collection: Collections.ledgerEntries,
    name: 'account_time',
    fields: [
      { field: 'accountId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  { collection: Collections.storeItems, name: 'community', fields: [{ field: 'communityId', type: 'string' }, { field: 'cost', type: 'number' }] },
  {
    collection: Collections.redemptions,
    name: 'user_time',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.redemptions,
    name: 'community_state',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.redemptions,
    name: 'pickup',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'pickupCode', type: 'string' },
    ],
  },
  {
    collection: Collections.proofs,
    name: 'user_time',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'requestedAt', type: 'date', direction: -1 },
    ],
  },
  {
    collection: Collections.proofs,
    name: 'issuer_state',
    fields: [
      { field: 'issuerId', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'requestedAt', type: 'date' },
    ],
  },
  { collection: Collections.proofs, name: 'verification', unique: true, fields: [{ field: 'verificationCode', type: 'string' }] },
  // Roll-call: the volunteers of a community to call (grid area and skills filter the rest).
  {
    collection: Collections.volunteers,
    name: 'community_status',
    fields: [
      { field: 'homeCommunityId', type: 'string' },
      { field: 'status', type: 'string' },
    ],
  },
  {
    collection: Collections.rollCalls,
    name: 'community_time',
    fields: [
      { field: 'communityId', type: 'string' },
      { field: 'createdAt', type: 'date', direction: -1 },
    ],
  },
  // The tally (counts by answer) and the list of those coming.
  {
    collection: Collections.rollCallAnswers,
    name: 'rollcall_answer',
    fields: [
      { field: 'rollCallId', type: 'string' },
      { field: 'answer', type: 'string' },
    ],
  },
  // A volunteer's roll-calls, newest first.
  {
    collection: Collections.rollCallAnswers,
    name: 'user_time',
    fields: [
      { field: 'userId', type: 'string' },
      { field: 'notifiedAt', type: 'date', direction: -1 },
    ],
  },
  // Background jobs: a function's timer finds its unfinished jobs, oldest first.
  {
    collection: Collections.jobs,
    name: 'fn_state_time',
    fields: [
      { field: 'fn', type: 'string' },
      { field: 'state', type: 'string' },
      { field: 'createdAt', type: 'date' },
    ],
  },
  // A job's parts in slice order, for its finishing step.
  {
    collection: Collections.jobParts,
    name: 'job_seq',
    fields: [
      { field: 'jobId', type: 'string' },
      { field: 'seq', type: 'number' },
    ],
  },
];

/**
 * A geo (2dsphere) index over a field holding GeoJSON points. CloudBase answers `geoNear` only
 * over one, and `npm run deploy:indexes` creates it (key direction "2dsphere", as CloudBase's
 * index API takes it). Kept apart from `indexDeclarations` on purpose: the emulator builds
 * SQLite expression indexes from those and pushes conditions on their fields down as scalar
 * comparisons, which a GeoJSON field is not; it answers geo conditions without a declaration,
 * narrowing candidates by the area's bounding box in SQL (docs/emulator.md, "Geo").
 */
export interface GeoIndexDeclaration {
  collection: string;
  name: string;
  field: string;
}

export const geoIndexDeclarations: GeoIndexDeclaration[] = [
  // Nearest-first activity lists (`activities.list` with `near`); `geo` mirrors `location`.
  { collection: Collections.activities, name: 'geo', field: 'geo' },
  // Nearest-first group discovery (`groups.list` with `near`); `geo` mirrors the meeting `place`.
  { collection: Collections.groups, name: 'geo', field: 'geo' },
];

/** Declarations of one collection, for the emulator when it creates the table. */
export function indexesOf(collection: string): IndexDeclaration[] {
  return indexDeclarations.filter((decl) => decl.collection === collection);
}
