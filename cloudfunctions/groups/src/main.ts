/** Cloud function `groups`: discovering groups, their pages, joining and leaving. */
import { getGroupDetail, listGroups, myMemberships } from '../../_core/commands/groupBrowser';
import { joinGroup, leaveGroup } from '../../_core/commands/groupMembership';
import { createHandler } from '../../_core/runtime/createHandler';

export const main = createHandler({
  fn: 'groups',
  actions: {
    'groups.list': async ({ actor, input }) => listGroups(actor, input),
    'groups.get': async ({ actor, input }) => getGroupDetail(actor, input.groupId),
    'groups.join': async ({ actor, input, now }) => {
      await joinGroup(actor, input.groupId, input.message, now);
      return getGroupDetail(actor, input.groupId);
    },
    'groups.leave': async ({ actor, input, now }) => {
      await leaveGroup(actor, input.groupId, now);
      return getGroupDetail(actor, input.groupId);
    },
    'memberships.mine': async ({ actor, now }) => myMemberships(actor, now),
  },
});
