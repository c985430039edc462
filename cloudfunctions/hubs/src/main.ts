/** Cloud function `hubs`: hub organizations and the groups they coordinate. */
import { hubInvitations } from '../../_core/commands/hubs/invitations';
import { inviteToHub } from '../../_core/commands/hubs/invite';
import { hubMembers } from '../../_core/commands/hubs/members';
import { respondToHub } from '../../_core/commands/hubs/respond';
import { createHandler } from '../../_core/pipeline/createHandler';
import { hubsActions } from '../../../src/shared/api/hubs';

export const main = createHandler({
  fn: 'hubs',
  contract: hubsActions,
  actions: {
    'hubs.invite': async ({ actor, input, now }) => inviteToHub(actor, input.hubId, input.groupId, now),
    'hubs.respond': async ({ actor, input, now }) => respondToHub(actor, input.linkId, input.accept, now),
    'hubs.invitations': async ({ actor, input }) => hubInvitations(actor, input.groupId),
    'hubs.members': async ({ actor, input }) => hubMembers(actor, input.hubId),
  },
});
