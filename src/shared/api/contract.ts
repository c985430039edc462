/**
 * The API contract: every action, the function that serves it, its input and output schemas,
 * whether it mutates (and so needs a requestId), and who may call it. Pages call actions only
 * through this table; functions route only actions listed here.
 */
import type * as z from '../zod';
import { accountActions } from './account';
import { regionsActions } from './regions';
import { groupsActions } from './groups';
import { membersActions } from './members';
import { hubsActions } from './hubs';
import { postsActions } from './posts';
import { activitiesActions } from './activities';
import { signupsActions } from './signups';
import { inboxActions } from './inbox';
import { rolesActions } from './roles';
import { moderationActions } from './moderation';
import { consoleActions } from './console';
import { volunteersActions } from './volunteers';
import { creditsActions } from './credits';
import { proofsActions } from './proofs';
import { noticesActions } from './notices';
import { needsActions } from './needs';
import { careActions } from './care';
import { systemActions } from './system';

export type { ActionSpec, Audience, RateLimit } from './actionSpec';

/** Every action, one slice per deployed function (src/shared/api/<fn>.ts), in the order the functions are listed. */
export const contract = {
  ...accountActions,
  ...regionsActions,
  ...groupsActions,
  ...membersActions,
  ...hubsActions,
  ...postsActions,
  ...activitiesActions,
  ...signupsActions,
  ...inboxActions,
  ...rolesActions,
  ...moderationActions,
  ...consoleActions,
  ...volunteersActions,
  ...creditsActions,
  ...proofsActions,
  ...noticesActions,
  ...needsActions,
  ...careActions,
  ...systemActions,
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
