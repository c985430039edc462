/**
 * Who may see a group's members and invite people: the abilities of the cloud function `members`
 * (src/shared/api/members.ts). They judge the group, so the group's page lists them after its
 * own (GroupDetail.abilities). Handling join requests, removing members and setting roles are
 * judged by the group's own 'groups.manageMembers' and 'groups.transfer' (groups.ts): the app
 * reads those names on the group page to show the leaders' tools.
 */
import { isLeadership, isLive, isActiveMember, isStaffOver, type GroupResource } from './groups';
import type { PolicySet } from './authorize';

/** What a user may do with a group's members and invites. */
export const memberPolicies = {
  'members.view': (actor, g) => (isLive(g) || g.status === 'suspended') && (isActiveMember(g) || isStaffOver(actor, g)),
  'invites.create': (_actor, g) => isLive(g) && isLeadership(g),
} satisfies PolicySet<GroupResource>;
