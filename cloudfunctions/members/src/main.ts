/** Cloud function `members`: member lists, join requests, roles, removals and invite links. */
import { createInvite } from '../../_core/commands/members/createInvite';
import { decideJoinRequest } from '../../_core/commands/members/decide';
import { listMembers } from '../../_core/commands/members/list';
import { removeMember } from '../../_core/commands/members/remove';
import { listJoinRequests } from '../../_core/commands/members/requests';
import { setMemberRole } from '../../_core/commands/members/setRole';
import { createHandler } from '../../_core/pipeline/createHandler';
import { membersActions } from '../../../src/shared/api/members';

export const main = createHandler({
  fn: 'members',
  contract: membersActions,
  actions: {
    'members.list': async ({ actor, input }) => listMembers(actor, input.groupId, input.offset, input.limit),
    'members.requests': async ({ actor, input }) => listJoinRequests(actor, input.groupId),
    'members.decide': async ({ actor, input, now }) => decideJoinRequest(actor, input, now),
    'members.remove': async ({ actor, input, now }) => removeMember(actor, input, now),
    'members.setRole': async ({ actor, input, now }) => setMemberRole(actor, input, now),
    'invites.create': async ({ actor, input, now }) => createInvite(actor, input.groupId, input.expiresInHours, now),
  },
});
