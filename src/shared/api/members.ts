/**
 * The contract slice of the cloud function `members` (cloudfunctions/members/):
 * member lists, join requests, roles, removals and invite links.
 */
import {
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
import { action, type ActionSpec } from './actionSpec';

export const membersActions = {
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
} as const satisfies Record<string, ActionSpec>;
