import type { GroupStatus, JoinPolicy, ManagementLevel, MemberRole, MembershipStatus } from '../schemas/groups';
import { hasStaffRoleOver, type PolicyActor, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

/** What the group policies need to know about a group and the actor's membership in it. */
export interface GroupResource extends RegionScope {
  status: GroupStatus;
  joinPolicy: JoinPolicy;
  managementLevel: ManagementLevel;
  membership: { status: MembershipStatus; role: MemberRole } | null;
}

const isActiveMember = (g: GroupResource) => g.membership?.status === 'active';
const isLeadership = (g: GroupResource) => isActiveMember(g) && (g.membership!.role === 'leader' || g.membership!.role === 'co_leader');
/** Staff over the group's region: committee, street or county above it. */
const isStaffOver = (actor: PolicyActor, g: GroupResource) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], g);

/** What a user may do with a group. */
export const groupPolicies: PolicySet<GroupResource> = {
  /** Active groups are public to signed-in residents; others only to their leaders and staff. */
  'groups.view': (actor, g) => g.status === 'active' || isLeadership(g) || isStaffOver(actor, g),
  'groups.join': (_actor, g) =>
    g.status === 'active' && g.joinPolicy !== 'invite' && (g.membership === null || g.membership.status === 'left' || g.membership.status === 'rejected'),
  'groups.leave': (_actor, g) =>
    (g.membership?.status === 'active' && g.membership.role !== 'leader') || g.membership?.status === 'pending',
  'groups.seeContact': (actor, g) => isActiveMember(g) || isStaffOver(actor, g),
  'groups.edit': (_actor, g) => g.status !== 'dissolved' && isLeadership(g),
  'groups.manageMembers': (_actor, g) => g.status === 'active' && isLeadership(g),
};
