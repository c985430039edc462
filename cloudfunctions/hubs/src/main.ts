/** Cloud function `hubs`: hub organizations and the groups they coordinate. */
import { hubInvitations, hubMembers, inviteToHub, respondToHub } from '../../_core/commands/hubLinks';
import { createHandler } from '../../_core/pipeline/createHandler';

export const main = createHandler({
  fn: 'hubs',
  actions: {
    'hubs.invite': async ({ actor, input, now }) => inviteToHub(actor, input.hubId, input.groupId, now),
    'hubs.respond': async ({ actor, input, now }) => respondToHub(actor, input.linkId, input.accept, now),
    'hubs.invitations': async ({ actor, input }) => hubInvitations(actor, input.groupId),
    'hubs.members': async ({ actor, input }) => hubMembers(actor, input.hubId),
  },
});
