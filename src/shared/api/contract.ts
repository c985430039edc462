/**
 * The API contract: every action, the function that serves it, its input and output schemas,
 * whether it mutates (and so needs a requestId), and who may call it. Pages call actions only
 * through this table; functions route only actions listed here.
 */
import * as z from '../zod';
import {
  AccountMeInput,
  AccountMeOutput,
  AccountUpdateProfileInput,
  AccountUpdateProfileOutput,
} from '../schemas/account';
import {
  GroupMembershipOutput,
  GroupsGetInput,
  GroupsGetOutput,
  GroupsJoinInput,
  GroupsLeaveInput,
  GroupsListInput,
  GroupsListOutput,
  MembershipsMineInput,
  MembershipsMineOutput,
} from '../schemas/groups';
import { RegionsTreeInput, RegionsTreeOutput } from '../schemas/regions';
import {
  GroupsDissolveInput,
  GroupsFoundInput,
  GroupsMyApplicationsInput,
  GroupsMyApplicationsOutput,
  GroupsRateInput,
  GroupsResubmitInput,
  GroupsReviewInput,
  GroupsReviewQueueInput,
  GroupsReviewQueueOutput,
  GroupsUpdateInput,
} from '../schemas/groupAdmin';
import {
  GroupsJoinByInviteInput,
  GroupsTransferInput,
  InvitesCreateInput,
  InviteView,
  MemberChangeOutput,
  MembersDecideInput,
  MembersListInput,
  MembersListOutput,
  MembersRemoveInput,
  MembersRequestsInput,
  MembersRequestsOutput,
  MembersSetRoleInput,
} from '../schemas/members';
import { HubLinkView, HubsInvitationsInput, HubsInvitationsOutput, HubsInviteInput, HubsMembersInput, HubsMembersOutput, HubsRespondInput } from '../schemas/hubs';
import {
  ActivitiesCancelInput,
  ActivitiesCreateInput,
  ActivitiesGetInput,
  ActivitiesListInput,
  ActivitiesListOutput,
  ActivitiesUpdateInput,
  ActivityDetail,
  CheckinCodeInput,
  CheckinCodeOutput,
  CheckinScanInput,
  InboxListInput,
  InboxListOutput,
  InboxMarkReadInput,
  InboxMarkReadOutput,
  ProxyAcceptInput,
  ProxyListOutput,
  ProxyRequestInput,
  ProxyRequestOutput,
  RosterChangeOutput,
  SignupOutput,
  SignupsCancelInput,
  SignupsConfirmOfferInput,
  SignupsCreateInput,
  SignupsDecideInput,
  SignupsMarkInput,
  SignupsMineInput,
  SignupsMineOutput,
  SignupsRosterInput,
  SignupsRosterOutput,
} from '../schemas/activities';
import { RolesGrantInput, RolesListInput, RolesListOutput, RolesRevokeInput } from '../schemas/roles';
import { PostsCreateInput, PostsListInput, PostsListOutput, PostsRemoveInput, PostsRemoveOutput, PostView } from '../schemas/posts';

/** Who may call an action at all; finer rules live in the policies. */
export type Audience = 'signed-in' | 'staff';

/** A per-actor budget of calls in a fixed window. */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export interface ActionSpec<I extends z.ZodTypeAny = z.ZodTypeAny, O extends z.ZodTypeAny = z.ZodTypeAny> {
  fn: string;
  /** Overrides the default budget (reads 600/min, writes 60/min) where abuse is likelier. */
  rateLimit?: RateLimit;
  input: I;
  output: O;
  mutation: boolean;
  audience: Audience;
  /** Human-readable summary of the roles allowed, for GET /api/contract. */
  roles: string;
}

function action<I extends z.ZodTypeAny, O extends z.ZodTypeAny>(spec: ActionSpec<I, O>): ActionSpec<I, O> {
  return spec;
}

export const contract = {
  'account.me': action({
    fn: 'account',
    input: AccountMeInput,
    output: AccountMeOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'any signed-in user',
  }),
  'account.updateProfile': action({
    fn: 'account',
    input: AccountUpdateProfileInput,
    output: AccountUpdateProfileOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'the user themself',
  }),
  'regions.tree': action({
    fn: 'regions',
    input: RegionsTreeInput,
    output: RegionsTreeOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'any signed-in user',
  }),
  'groups.list': action({
    fn: 'groups',
    input: GroupsListInput,
    output: GroupsListOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'any signed-in user; active groups only',
  }),
  'groups.get': action({
    fn: 'groups',
    input: GroupsGetInput,
    output: GroupsGetOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'any signed-in user for active groups; leaders and staff above the group otherwise',
  }),
  'groups.join': action({
    fn: 'groups',
    input: GroupsJoinInput,
    output: GroupMembershipOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'any signed-in user not already a member (open groups: join; approval groups: request)',
  }),
  'groups.leave': action({
    fn: 'groups',
    input: GroupsLeaveInput,
    output: GroupMembershipOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'members other than the leader; applicants withdraw their request',
  }),
  'memberships.mine': action({
    fn: 'groups',
    input: MembershipsMineInput,
    output: MembershipsMineOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'the user themself',
  }),
  'groups.found': action({
    fn: 'groups',
    input: GroupsFoundInput,
    output: GroupsGetOutput,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 5, windowSeconds: 3600 },
    roles: 'any signed-in resident (the application waits for review)',
  }),
  'groups.resubmit': action({
    fn: 'groups',
    input: GroupsResubmitInput,
    output: GroupsGetOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'the applicant of a rejected application',
  }),
  'groups.review': action({
    fn: 'groups',
    input: GroupsReviewInput,
    output: GroupsGetOutput,
    mutation: true,
    audience: 'staff',
    roles: 'community-managed: committee of its community; filed: its street; registered: its county',
  }),
  'groups.reviewQueue': action({
    fn: 'groups',
    input: GroupsReviewQueueInput,
    output: GroupsReviewQueueOutput,
    mutation: false,
    audience: 'staff',
    roles: 'staff: the applications their grants review',
  }),
  'groups.myApplications': action({
    fn: 'groups',
    input: GroupsMyApplicationsInput,
    output: GroupsMyApplicationsOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'the applicant themself',
  }),
  'groups.update': action({
    fn: 'groups',
    input: GroupsUpdateInput,
    output: GroupsGetOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'leader and co-leaders',
  }),
  'groups.dissolve': action({
    fn: 'groups',
    input: GroupsDissolveInput,
    output: GroupsGetOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'the leader; staff above the group',
  }),
  'groups.rate': action({
    fn: 'groups',
    input: GroupsRateInput,
    output: GroupsGetOutput,
    mutation: true,
    audience: 'staff',
    roles: 'street and county staff above the group',
  }),
  'groups.transferLeadership': action({
    fn: 'groups',
    input: GroupsTransferInput,
    output: MemberChangeOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'the leader',
  }),
  'groups.joinByInvite': action({
    fn: 'groups',
    input: GroupsJoinByInviteInput,
    output: GroupsGetOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'anyone holding a valid invite link (not banned)',
  }),
  'members.list': action({
    fn: 'members',
    input: MembersListInput,
    output: MembersListOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'members of the group; staff above it',
  }),
  'members.requests': action({
    fn: 'members',
    input: MembersRequestsInput,
    output: MembersRequestsOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'leader and co-leaders',
  }),
  'members.decide': action({
    fn: 'members',
    input: MembersDecideInput,
    output: MemberChangeOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'leader and co-leaders',
  }),
  'members.remove': action({
    fn: 'members',
    input: MembersRemoveInput,
    output: MemberChangeOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'leader (anyone but themself); co-leaders (members only)',
  }),
  'members.setRole': action({
    fn: 'members',
    input: MembersSetRoleInput,
    output: MemberChangeOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'the leader',
  }),
  'invites.create': action({
    fn: 'members',
    input: InvitesCreateInput,
    output: InviteView,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 20, windowSeconds: 3600 },
    roles: 'leader and co-leaders',
  }),
  'hubs.invite': action({
    fn: 'hubs',
    input: HubsInviteInput,
    output: HubLinkView,
    mutation: true,
    audience: 'signed-in',
    roles: 'leaders of a hub organization',
  }),
  'hubs.respond': action({
    fn: 'hubs',
    input: HubsRespondInput,
    output: HubLinkView,
    mutation: true,
    audience: 'signed-in',
    roles: 'leaders of the invited group',
  }),
  'hubs.invitations': action({
    fn: 'hubs',
    input: HubsInvitationsInput,
    output: HubsInvitationsOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'leaders of the group',
  }),
  'hubs.members': action({
    fn: 'hubs',
    input: HubsMembersInput,
    output: HubsMembersOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'anyone who can see the hub',
  }),
  'posts.create': action({
    fn: 'posts',
    input: PostsCreateInput,
    output: PostView,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 10, windowSeconds: 60 },
    roles: 'leader and co-leaders',
  }),
  'posts.list': action({
    fn: 'posts',
    input: PostsListInput,
    output: PostsListOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'anyone who can see the group',
  }),
  'posts.remove': action({
    fn: 'posts',
    input: PostsRemoveInput,
    output: PostsRemoveOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'the author; leaders of the group; staff above it',
  }),
  'activities.create': action({
    fn: 'activities',
    input: ActivitiesCreateInput,
    output: z.object({ ids: z.array(z.string()), first: ActivityDetail }),
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 20, windowSeconds: 3600 },
    roles: 'leader and co-leaders of the group',
  }),
  'activities.update': action({
    fn: 'activities',
    input: ActivitiesUpdateInput,
    output: ActivityDetail,
    mutation: true,
    audience: 'signed-in',
    roles: 'leader and co-leaders of the group',
  }),
  'activities.cancel': action({
    fn: 'activities',
    input: ActivitiesCancelInput,
    output: ActivityDetail,
    mutation: true,
    audience: 'signed-in',
    roles: 'leader and co-leaders of the group',
  }),
  'activities.list': action({
    fn: 'activities',
    input: ActivitiesListInput,
    output: ActivitiesListOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'any signed-in user',
  }),
  'activities.get': action({
    fn: 'activities',
    input: ActivitiesGetInput,
    output: ActivityDetail,
    mutation: false,
    audience: 'signed-in',
    roles: 'anyone who can see the group',
  }),
  'signups.create': action({
    fn: 'signups',
    input: SignupsCreateInput,
    output: SignupOutput,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 20, windowSeconds: 60 },
    roles: 'any signed-in resident for themself; a consented proxy for an elderly resident',
  }),
  'signups.cancel': action({
    fn: 'signups',
    input: SignupsCancelInput,
    output: SignupOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'the resident or the proxy who signed them up',
  }),
  'signups.confirmOffer': action({
    fn: 'signups',
    input: SignupsConfirmOfferInput,
    output: SignupOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'the resident offered the seat',
  }),
  'signups.mine': action({
    fn: 'signups',
    input: SignupsMineInput,
    output: SignupsMineOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'the user themself',
  }),
  'signups.roster': action({
    fn: 'signups',
    input: SignupsRosterInput,
    output: SignupsRosterOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'leader and co-leaders of the group',
  }),
  'signups.decide': action({
    fn: 'signups',
    input: SignupsDecideInput,
    output: RosterChangeOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'leader and co-leaders of the group',
  }),
  'signups.mark': action({
    fn: 'signups',
    input: SignupsMarkInput,
    output: RosterChangeOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'leader and co-leaders of the group',
  }),
  'checkin.code': action({
    fn: 'signups',
    input: CheckinCodeInput,
    output: CheckinCodeOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'leader and co-leaders of the group',
  }),
  'checkin.scan': action({
    fn: 'signups',
    input: CheckinScanInput,
    output: SignupOutput,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 20, windowSeconds: 60 },
    roles: 'a resident with a confirmed sign-up',
  }),
  'proxies.request': action({
    fn: 'signups',
    input: ProxyRequestInput,
    output: ProxyRequestOutput,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 10, windowSeconds: 3600 },
    roles: 'any signed-in user (family, neighbour, grid worker)',
  }),
  'proxies.accept': action({
    fn: 'signups',
    input: ProxyAcceptInput,
    output: ProxyListOutput,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 10, windowSeconds: 3600 },
    roles: 'the resident giving consent',
  }),
  'proxies.list': action({
    fn: 'signups',
    input: z.object({}).strict(),
    output: ProxyListOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'the user themself',
  }),
  'inbox.list': action({
    fn: 'inbox',
    input: InboxListInput,
    output: InboxListOutput,
    mutation: false,
    audience: 'signed-in',
    roles: 'the user themself',
  }),
  'inbox.markRead': action({
    fn: 'inbox',
    input: InboxMarkReadInput,
    output: InboxMarkReadOutput,
    mutation: true,
    audience: 'signed-in',
    roles: 'the user themself',
  }),
  'roles.grant': action({
    fn: 'roles',
    input: RolesGrantInput,
    output: z.object({ grantId: z.string() }),
    mutation: true,
    audience: 'staff',
    roles: 'staff with a role at least as high on the region or above it',
  }),
  'roles.revoke': action({
    fn: 'roles',
    input: RolesRevokeInput,
    output: z.object({ revoked: z.boolean() }),
    mutation: true,
    audience: 'staff',
    roles: 'staff with a role at least as high on the region or above it',
  }),
  'roles.list': action({
    fn: 'roles',
    input: RolesListInput,
    output: RolesListOutput,
    mutation: false,
    audience: 'staff',
    roles: 'staff of the region or above it',
  }),
} as const;

export type Contract = typeof contract;
export type ActionName = keyof Contract;
export type InputOf<A extends ActionName> = z.input<Contract[A]['input']>;
export type ParsedInputOf<A extends ActionName> = z.output<Contract[A]['input']>;
export type OutputOf<A extends ActionName> = z.output<Contract[A]['output']>;

/** Actions served by one cloud function. */
export function actionsOf(fn: string): ActionName[] {
  return (Object.keys(contract) as ActionName[]).filter((name) => contract[name].fn === fn);
}

/** Every deployed function named by the contract. */
export function functionNames(): string[] {
  return [...new Set(Object.values(contract).map((spec) => spec.fn))].sort();
}
