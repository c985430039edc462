/**
 * The API contract: every action, the function that serves it, its input and output schemas,
 * whether it mutates (and so needs a requestId), and who may call it. Pages call actions only
 * through this table; functions route only actions listed here.
 */
import type * as z from '../zod';
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

/** Who may call an action at all; finer rules live in the policies. */
export type Audience = 'signed-in' | 'staff';

export interface ActionSpec<I extends z.ZodTypeAny = z.ZodTypeAny, O extends z.ZodTypeAny = z.ZodTypeAny> {
  fn: string;
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
