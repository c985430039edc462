/** Cloud function `groups`: discovery, group pages, joining and leaving, founding and review, stewardship. */
import { dissolveGroup } from '../../_core/commands/groups/dissolve';
import { foundGroup } from '../../_core/commands/groups/found';
import { getGroupDetail } from '../../_core/commands/groups/get';
import { joinGroup } from '../../_core/commands/groups/join';
import { joinByInvite } from '../../_core/commands/groups/joinByInvite';
import { leaveGroup } from '../../_core/commands/groups/leave';
import { listGroups } from '../../_core/commands/groups/list';
import { myApplications } from '../../_core/commands/groups/myApplications';
import { myMemberships } from '../../_core/commands/groups/myMemberships';
import { groupPoster } from '../../_core/commands/groups/poster';
import { rateGroup } from '../../_core/commands/groups/rate';
import { resubmitApplication } from '../../_core/commands/groups/resubmit';
import { reviewApplication } from '../../_core/commands/groups/review';
import { reviewQueue } from '../../_core/commands/groups/reviewQueue';
import { transferLeadership } from '../../_core/commands/groups/transferLeadership';
import { updateGroup } from '../../_core/commands/groups/update';
import { createHandler } from '../../_core/pipeline/createHandler';
import { groupsActions } from '../../../src/shared/api/groups';

/** Mutations answer with the group as the caller now sees it. */
const detailAfter = async (actor: Parameters<typeof getGroupDetail>[0], groupId: string) => getGroupDetail(actor, groupId);

export const main = createHandler({
  fn: 'groups',
  contract: groupsActions,
  actions: {
    'groups.list': async ({ actor, input }) => listGroups(actor, input),
    'groups.get': async ({ actor, input }) => getGroupDetail(actor, input.groupId),
    'groups.poster': async ({ actor, input }) => groupPoster(actor, input.groupId),
    'groups.join': async ({ actor, input, now }) => {
      await joinGroup(actor, input.groupId, input.message, now);
      return detailAfter(actor, input.groupId);
    },
    'groups.leave': async ({ actor, input, now }) => {
      await leaveGroup(actor, input.groupId, now);
      return detailAfter(actor, input.groupId);
    },
    'memberships.mine': async ({ actor, now }) => myMemberships(actor, now),
    'groups.found': async ({ actor, input, requestId, now }) => detailAfter(actor, (await foundGroup(actor, input, requestId!, now))._id),
    'groups.resubmit': async ({ actor, input, now }) => detailAfter(actor, (await resubmitApplication(actor, input, now))._id),
    'groups.review': async ({ actor, input, requestId, now }) => detailAfter(actor, (await reviewApplication(actor, input, requestId!, now))._id),
    'groups.reviewQueue': async ({ actor, input }) => reviewQueue(actor, input.offset, input.limit),
    'groups.myApplications': async ({ actor }) => myApplications(actor),
    'groups.update': async ({ actor, input, now }) => {
      await updateGroup(actor, input, now);
      return detailAfter(actor, input.groupId);
    },
    'groups.dissolve': async ({ actor, input, requestId, now }) => {
      await dissolveGroup(actor, input, requestId!, now);
      return detailAfter(actor, input.groupId);
    },
    'groups.rate': async ({ actor, input, requestId, now }) => {
      await rateGroup(actor, input, requestId!, now);
      return detailAfter(actor, input.groupId);
    },
    'groups.transferLeadership': async ({ actor, input, now }) => transferLeadership(actor, input, now),
    'groups.joinByInvite': async ({ actor, input, now }) => detailAfter(actor, await joinByInvite(actor, input.token, now)),
  },
});
