/**
 * What the contract says of one action. The slices (src/shared/api/<fn>.ts) build their entries
 * with `action()`; contract.ts re-exports these types and merges the slices. Kept apart from
 * contract.ts so a slice never imports the module that imports it.
 */
import type * as z from '../zod';

/** Who may call an action at all; finer rules live in the policies. */
/** 'public': also answers callers without a session (proof verification by a third party). */
export type Audience = 'public' | 'signed-in' | 'staff';

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
}

export function action<I extends z.ZodTypeAny, O extends z.ZodTypeAny>(spec: ActionSpec<I, O>): ActionSpec<I, O> {
  return spec;
}

