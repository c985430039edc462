import type { StaffRole } from '../schemas/account';
import type { GroupStatus, GroupType, JoinPolicy, ManagementLevel, MemberRole, MembershipStatus } from '../schemas/groups';
import { hasStaffRoleOver, type PolicyActor, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

/** What the group policies need to know about a group and the actor's membership in it. */
export interface GroupResource extends RegionScope {
  status: GroupStatus;
  type: GroupType;
  joinPolicy: JoinPolicy;
  managementLevel: ManagementLevel;
  applicantId: string | null;
  membership: { status: MembershipStatus; role: MemberRole } | null;
}

/**
 * Who reviews a group follows its management level: community-managed groups by the committee
 * of their community, filed groups by their street, registered groups by the county.
 */
export function reviewerRoleFor(level: ManagementLevel): Exclude<StaffRole, 'grid'> {
  return level === 'community' ? 'committee' : level === 'filed' ? 'street' : 'county';
}

/** The actor is an active member of the group (any role). */
export const isActiveMember = (g: GroupResource) => g.membership?.status === 'active';
const isLeader = (g: GroupResource) => isActiveMember(g) && g.membership!.role === 'leader';
/** The group's leader or a co-leader (active). */
export const isLeadership = (g: GroupResource) => isActiveMember(g) && (g.membership!.role === 'leader' || g.membership!.role === 'co_leader');
const isApplicant = (actor: PolicyActor, g: GroupResource) => g.applicantId === actor.userId;
/** Staff over the group's region: committee, street or county above it. */
export const isStaffOver = (actor: PolicyActor, g: GroupResource) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], g);
/** The group is active (not pending, rejected, suspended or dissolved). */
export const isLive = (g: GroupResource) => g.status === 'active';

/**
 * What a user may do with a group: the abilities of the cloud function `groups`. The group's page
 * (GroupDetail.abilities) lists these, then those other functions judge on the group: members.ts,
 * posts.ts (`postGroupPolicies`), activities.ts (`activityGroupPolicies`) and hubs.ts.
 */
export const groupPolicies = {
  /** Active groups are public to signed-in residents; others (incl. dissolved history) to their members, applicant and staff. */
  'groups.view': (actor, g) => isLive(g) || isActiveMember(g) || isApplicant(actor, g) || isStaffOver(actor, g),
  'groups.join': (_actor, g) =>
    isLive(g) && g.joinPolicy !== 'invite' && (g.membership === null || g.membership.status === 'left' || g.membership.status === 'rejected'),
  'groups.leave': (_actor, g) => (g.membership?.status === 'active' && g.membership.role !== 'leader') || g.membership?.status === 'pending',
  'groups.seeContact': (actor, g) => isActiveMember(g) || isApplicant(actor, g) || isStaffOver(actor, g),
  'groups.edit': (_actor, g) => (isLive(g) || g.status === 'suspended') && isLeadership(g),
  /** Also gates the `members` function's requests, decisions and removals: the app reads this name on the group page. */
  'groups.manageMembers': (_actor, g) => isLive(g) && isLeadership(g),
  /** Handing over, and (in `members`) setting roles: the leader's alone. */
  'groups.transfer': (_actor, g) => isLive(g) && isLeader(g),
  'groups.review': (actor, g) => g.status === 'pending' && hasStaffRoleOver(actor, [reviewerRoleFor(g.managementLevel)], g),
  'groups.resubmit': (actor, g) => g.status === 'rejected' && isApplicant(actor, g),
  'groups.dissolve': (actor, g) => (isLive(g) || g.status === 'suspended') && (isLeader(g) || isStaffOver(actor, g)),
  'groups.rate': (actor, g) => isLive(g) && hasStaffRoleOver(actor, ['street', 'county'], g),
} satisfies PolicySet<GroupResource>;
