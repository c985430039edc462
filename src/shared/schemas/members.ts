import * as z from '../zod';
import { Id, Page, paged, text } from './common';
import { MemberRole } from './groups';

/** A member as other members see them: no contact details. */
export const MemberView = z.object({
  userId: Id,
  nickname: z.string(),
  avatar: z.string().nullable(),
  role: MemberRole,
  since: z.string(),
});
export type MemberView = z.infer<typeof MemberView>;

export const MembersListInput = Page.extend({ groupId: Id }).strict();
export const MembersListOutput = paged(MemberView);

export const JoinRequestView = z.object({
  userId: Id,
  nickname: z.string(),
  avatar: z.string().nullable(),
  message: z.string().nullable(),
  requestedAt: z.string(),
});
export type JoinRequestView = z.infer<typeof JoinRequestView>;
export const MembersRequestsInput = z.object({ groupId: Id }).strict();
export const MembersRequestsOutput = z.object({ items: z.array(JoinRequestView) });

export const MembersDecideInput = z
  .object({ groupId: Id, userId: Id, decision: z.enum(['approve', 'reject']), reason: text(2, 200).optional() })
  .strict();
export type MembersDecideInput = z.infer<typeof MembersDecideInput>;

export const MembersRemoveInput = z.object({ groupId: Id, userId: Id, reason: text(2, 200), ban: z.boolean().default(false) }).strict();
export type MembersRemoveInput = z.infer<typeof MembersRemoveInput>;

export const MembersSetRoleInput = z.object({ groupId: Id, userId: Id, role: z.enum(['co_leader', 'member']) }).strict();
export type MembersSetRoleInput = z.infer<typeof MembersSetRoleInput>;

/** The outcome of a change to one member. */
export const MemberChangeOutput = z.object({ member: MemberView.nullable(), memberCount: z.number().int() });
export type MemberChangeOutput = z.infer<typeof MemberChangeOutput>;

export const InvitesCreateInput = z.object({ groupId: Id, expiresInHours: z.number().int().min(1).max(720).default(72) }).strict();
export type InvitesCreateInput = z.infer<typeof InvitesCreateInput>;
export const InviteView = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() });
export type InviteView = z.infer<typeof InviteView>;
