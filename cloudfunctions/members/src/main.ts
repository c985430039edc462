/** Cloud function `members`: member lists, join requests, roles, removals and invite links. */
import { createInvite, decideJoinRequest, listJoinRequests, listMembers, removeMember, setMemberRole } from '../../_core/commands/memberManagement';
import { createHandler } from '../../_core/pipeline/createHandler';

export const main = createHandler({
  fn: 'members',
  actions: {
    'members.list': async ({ actor, input }) => listMembers(actor, input.groupId, input.offset, input.limit),
    'members.requests': async ({ actor, input }) => listJoinRequests(actor, input.groupId),
    'members.decide': async ({ actor, input, now }) => decideJoinRequest(actor, input, now),
    'members.remove': async ({ actor, input, now }) => removeMember(actor, input, now),
    'members.setRole': async ({ actor, input, now }) => setMemberRole(actor, input, now),
    'invites.create': async ({ actor, input, now }) => createInvite(actor, input.groupId, input.expiresInHours, now),
  },
});
