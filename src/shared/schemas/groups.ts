import * as z from '../zod';
import { NearLocated, NearPoint } from './activities';
import { Id, Page, Poster, paged, text } from './common';

/** The seven types of community social organization in the policy documents. */
export const GroupType = z.enum(['service', 'charity', 'mutual_aid', 'safety', 'culture_sports', 'rural_tech', 'hub']);
export type GroupType = z.infer<typeof GroupType>;

/** Three-level management: county registration, street filing, community direct management. */
export const ManagementLevel = z.enum(['registered', 'filed', 'community']);
export type ManagementLevel = z.infer<typeof ManagementLevel>;

export const JoinPolicy = z.enum(['open', 'approval', 'invite']);
export type JoinPolicy = z.infer<typeof JoinPolicy>;

/** `pending` and `rejected` are applications (a rejected one can be resubmitted); `hidden` is a moderation hold. */
export const GroupStatus = z.enum(['pending', 'rejected', 'active', 'hidden', 'suspended', 'dissolved']);
export type GroupStatus = z.infer<typeof GroupStatus>;

export const MemberRole = z.enum(['leader', 'co_leader', 'member']);
export type MemberRole = z.infer<typeof MemberRole>;

/** A membership's state: requests are `pending`, then `active` or `rejected`. */
export const MembershipStatus = z.enum(['pending', 'active', 'rejected', 'left', 'removed', 'banned']);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

export const MyMembership = z.object({ status: MembershipStatus, role: MemberRole, since: z.string() });
export type MyMembership = z.infer<typeof MyMembership>;

/** A group as it appears in lists. */
export const GroupCard = z.object({
  id: Id,
  name: z.string(),
  type: GroupType,
  managementLevel: ManagementLevel,
  communityId: Id.nullable(),
  regionName: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  coverImage: z.string().nullable(),
  memberCount: z.number().int(),
  joinPolicy: JoinPolicy,
  myMembership: MyMembership.nullable(),
  /**
   * Great-circle metres from the place the list was sorted by (`near`); null when the group has
   * not said where it meets; absent when the list was not asked for distances.
   */
  distanceMeters: z.number().nullable().optional(),
});
export type GroupCard = z.infer<typeof GroupCard>;

/** Where a group meets: a named place with its address and, when chosen on a map, its coordinates (GCJ-02, as WeChat's picker gives them). */
export const GroupPlace = z.object({ name: z.string(), address: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable() });
export type GroupPlace = z.infer<typeof GroupPlace>;

/** A group's page. Contact details are masked unless the viewer is a member or staff. */
export const GroupDetail = GroupCard.extend({
  description: z.string(),
  registrationNumber: z.string().nullable(),
  filingNumber: z.string().nullable(),
  status: GroupStatus,
  leader: z.object({ nickname: z.string(), avatar: z.string().nullable() }).nullable(),
  contact: z.object({ name: z.string(), phone: z.string(), masked: z.boolean() }).nullable(),
  createdAt: z.string(),
  /** Yearly "excellent community service team" ratings. */
  ratings: z.array(z.object({ year: z.number().int(), excellent: z.boolean() })),
  /** The hub organization the group is linked to. */
  hub: z.object({ id: Id, name: z.string() }).nullable(),
  /** The application's review, for its applicant and reviewers only. */
  review: z.object({ submittedAt: z.string(), reviewedAt: z.string().nullable(), reason: z.string().nullable() }).nullable(),
  dissolvedReason: z.string().nullable(),
  /** Where the group meets (set by its leader); null when not given. */
  place: GroupPlace.nullable().optional(),
  /** Activity rules: no-shows before sign-ups are blocked, hours before the start that cancelling becomes late. */
  rules: z.object({ noShowLimit: z.number().int(), cancelCutoffHours: z.number().int() }),
  abilities: z.array(z.string()),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

/** Where to look: my community only, or every community of my street (nearby). */
export const GroupArea = z.enum(['community', 'nearby']);
export type GroupArea = z.infer<typeof GroupArea>;

export const GroupsListInput = Page.extend({
  area: GroupArea.default('nearby'),
  communityId: Id.optional(),
  type: GroupType.optional(),
  q: text(1, 30).optional(),
  /** Nearest first from this place (groups that say where they meet first, then the others, most members first). */
  near: NearPoint.optional(),
  /** With `near`: the `located` the previous page answered (a paging hint). */
  located: NearLocated.optional(),
}).strict();
export type GroupsListInput = z.infer<typeof GroupsListInput>;
export const GroupsListOutput = paged(GroupCard).extend({
  /** With `near`: how many of the list have a place (they come first); pass it back with the next page. */
  located: z.number().int().optional(),
});
export type GroupsListOutput = z.infer<typeof GroupsListOutput>;

/** A noticeboard poster of a group, for its leaders. */
export const GroupsPosterInput = z.object({ groupId: Id }).strict();
export type GroupsPosterInput = z.infer<typeof GroupsPosterInput>;
export const GroupsPosterOutput = Poster;

export const GroupsGetInput = z.object({ groupId: Id }).strict();
export type GroupsGetInput = z.infer<typeof GroupsGetInput>;
export const GroupsGetOutput = GroupDetail;
export type GroupsGetOutput = z.infer<typeof GroupsGetOutput>;

export const GroupsJoinInput = z.object({ groupId: Id, message: text(1, 100).optional() }).strict();
export type GroupsJoinInput = z.infer<typeof GroupsJoinInput>;
export const GroupsLeaveInput = z.object({ groupId: Id }).strict();
export type GroupsLeaveInput = z.infer<typeof GroupsLeaveInput>;
/** Join and leave answer with the group as the caller now sees it. */
export const GroupMembershipOutput = GroupDetail;
export type GroupMembershipOutput = z.infer<typeof GroupMembershipOutput>;

export const MembershipsMineInput = z.object({}).strict();
export type MembershipsMineInput = z.infer<typeof MembershipsMineInput>;
export const MembershipsMineOutput = z.object({
  /** Groups I belong to (active memberships). */
  groups: z.array(GroupCard),
  /** My requests waiting for a leader, and recent refusals. */
  requests: z.array(GroupCard),
});
export type MembershipsMineOutput = z.infer<typeof MembershipsMineOutput>;
