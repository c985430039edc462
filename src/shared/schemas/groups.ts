/**
 * Groups (served by the cloud function `groups`): discovery, a group's page, joining and leaving,
 * founding and review, stewardship, leadership transfer and joining by invite link.
 */
import * as z from '../zod';
import { Location, NearLocated, NearPoint } from './activities';
import { FileRef, Id, Page, Poster, paged, text } from './common';

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

// ---- founding, review and stewardship (groups.found … groups.rate) ----

/** Mainland mobile numbers and landlines (with optional area code separator). */
export const Phone = z
  .string({ error: '必须是文本' })
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入有效的手机号或座机号');

const GroupFields = {
  name: text(2, 30),
  type: GroupType,
  managementLevel: ManagementLevel,
  /** The home community; null only for a hub organization that belongs to a street. */
  communityId: Id.nullable(),
  /** The street of a street-level hub organization. */
  streetId: Id.optional(),
  description: text(10, 1000),
  tags: z.array(text(1, 10)).max(8, '最多 8 个标签').default([]),
  coverImage: FileRef.nullable().default(null),
  contactName: text(1, 20),
  contactPhone: Phone,
  joinPolicy: JoinPolicy,
  noShowLimit: z.number().int().min(0).max(20).default(3),
  cancelCutoffHours: z.number().int().min(0).max(168).default(24),
  /** Where the group meets (WeChat's map picker on weapp, the browser's position or an address on H5); lists sort by it with `near`. */
  place: Location.nullable().default(null),
};

type Placement = { type: GroupType; managementLevel: ManagementLevel; communityId: string | null; streetId?: string };

/** A group belongs to a community, except a hub, which may belong to a street (and is then not community-managed). */
function checkPlacement(value: Placement, ctx: z.RefinementCtx): void {
  if (value.communityId === null) {
    if (value.type !== 'hub') ctx.addIssue({ code: 'custom', path: ['communityId'], message: '请选择小组所在的社区' });
    else if (!value.streetId) ctx.addIssue({ code: 'custom', path: ['streetId'], message: '请选择枢纽组织所在的街道' });
    else if (value.managementLevel === 'community') ctx.addIssue({ code: 'custom', path: ['managementLevel'], message: '街道级枢纽组织需要备案或登记' });
  } else if (value.streetId !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['streetId'], message: '社区小组不需要填写街道' });
  }
}

export const GroupsFoundInput = z.object(GroupFields).strict().superRefine(checkPlacement);
export type GroupsFoundInput = z.infer<typeof GroupsFoundInput>;

export const GroupsResubmitInput = z
  .object({ groupId: Id, ...GroupFields })
  .strict()
  .superRefine(checkPlacement);
export type GroupsResubmitInput = z.infer<typeof GroupsResubmitInput>;

export const ReviewDecision = z.enum(['approve', 'reject']);
export const GroupsReviewInput = z
  .object({
    groupId: Id,
    decision: ReviewDecision,
    reason: text(2, 200).optional(),
    /** The registration (county) or filing (street) number, recorded on approval. */
    number: text(2, 50).optional(),
  })
  .strict()
  .refine((v) => v.decision === 'approve' || v.reason !== undefined, { path: ['reason'], message: '驳回时请说明理由' });
export type GroupsReviewInput = z.infer<typeof GroupsReviewInput>;

/** An application as its applicant and its reviewers see it. */
export const ApplicationView = z.object({
  group: GroupCard,
  status: z.enum(['pending', 'active', 'rejected', 'hidden', 'suspended', 'dissolved']),
  managementLevel: ManagementLevel,
  reviewerLevel: z.enum(['committee', 'street', 'county']),
  applicant: z.object({ nickname: z.string() }),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const GroupsReviewQueueInput = Page.extend({}).strict();
export const GroupsReviewQueueOutput = paged(ApplicationView);
export const GroupsMyApplicationsInput = z.object({}).strict();
export const GroupsMyApplicationsOutput = z.object({ items: z.array(ApplicationView) });

export const GroupsUpdateInput = z
  .object({
    groupId: Id,
    description: text(10, 1000).optional(),
    tags: z.array(text(1, 10)).max(8, '最多 8 个标签').optional(),
    coverImage: FileRef.nullable().optional(),
    contactName: text(1, 20).optional(),
    contactPhone: Phone.optional(),
    joinPolicy: JoinPolicy.optional(),
    noShowLimit: z.number().int().min(0).max(20).optional(),
    cancelCutoffHours: z.number().int().min(0).max(168).optional(),
    /** A new meeting place, or null to remove it. */
    place: Location.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 1, { message: '至少修改一项' });
export type GroupsUpdateInput = z.infer<typeof GroupsUpdateInput>;

export const GroupsDissolveInput = z.object({ groupId: Id, reason: text(2, 200) }).strict();
export type GroupsDissolveInput = z.infer<typeof GroupsDissolveInput>;

export const GroupsRateInput = z
  .object({ groupId: Id, year: z.number().int().min(2000).max(2100), excellent: z.boolean() })
  .strict();
export type GroupsRateInput = z.infer<typeof GroupsRateInput>;

// ---- leadership and invite links ----

export const GroupsTransferInput = z.object({ groupId: Id, userId: Id }).strict();
export type GroupsTransferInput = z.infer<typeof GroupsTransferInput>;

export const InviteToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '邀请链接无效');
export const GroupsJoinByInviteInput = z.object({ token: InviteToken }).strict();
export type GroupsJoinByInviteInput = z.infer<typeof GroupsJoinByInviteInput>;
