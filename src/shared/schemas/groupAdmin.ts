import * as z from '../zod';
import { Location } from './activities';
import { FileRef, Id, Page, paged, text } from './common';
import { GroupCard, GroupDetail, GroupType, JoinPolicy, ManagementLevel } from './groups';

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

export { GroupDetail };
