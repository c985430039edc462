import * as z from '../zod';
import { Id } from './common';
import { GroupCard } from './groups';

export const HubLinkStatus = z.enum(['invited', 'linked', 'declined']);

/** A hub organization's link to a group it coordinates. */
export const HubLinkView = z.object({
  id: Id,
  hub: GroupCard,
  group: GroupCard,
  status: HubLinkStatus,
  invitedAt: z.string(),
  respondedAt: z.string().nullable(),
});
export type HubLinkView = z.infer<typeof HubLinkView>;

export const HubsInviteInput = z.object({ hubId: Id, groupId: Id }).strict();
export type HubsInviteInput = z.infer<typeof HubsInviteInput>;
export const HubsRespondInput = z.object({ linkId: Id, accept: z.boolean() }).strict();
export type HubsRespondInput = z.infer<typeof HubsRespondInput>;
export const HubsInvitationsInput = z.object({ groupId: Id }).strict();
export const HubsInvitationsOutput = z.object({ items: z.array(HubLinkView) });

export const HubsMembersInput = z.object({ hubId: Id }).strict();
export const HubMemberView = z.object({ group: GroupCard, activityCount: z.number().int(), linkedAt: z.string() });
export const HubsMembersOutput = z.object({ items: z.array(HubMemberView) });
