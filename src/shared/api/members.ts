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
  }),
  'members.requests': action({
    fn: 'members',
    input: MembersRequestsInput,
    output: MembersRequestsOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'members.decide': action({
    fn: 'members',
    input: MembersDecideInput,
    output: MemberChangeOutput,
    mutation: true,
    audience: 'signed-in',
  }),
  'members.remove': action({
    fn: 'members',
    input: MembersRemoveInput,
    output: MemberChangeOutput,
    mutation: true,
    audience: 'signed-in',
  }),
  'members.setRole': action({
    fn: 'members',
    input: MembersSetRoleInput,
    output: MemberChangeOutput,
    mutation: true,
    audience: 'signed-in',
  }),
  'invites.create': action({
    fn: 'members',
    input: InvitesCreateInput,
    output: InviteView,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 20, windowSeconds: 3600 },
  }),
} as const satisfies Record<string, ActionSpec>;
