/**
 * The one way a command authorizes: a named ability of a policy set (src/shared/policies/<fn>.ts
 * or authz/ for server-only scopes). The ability is typed by the set's keys, so a set declared
 * with `satisfies PolicySet<R>` turns a misspelt ability into a compile error; sets typed as
 * the wide `PolicySet<R>` still check at run time (an unknown ability is refused).
 */
import type { AppError } from '../../../src/shared/errors';
import { abilities as abilitiesOf, authorize as authorizeWith, type Policy } from '../../../src/shared/policies/authorize';
import type { PolicyActor } from '../../../src/shared/policies/actor';

/** Throws FORBIDDEN (or `hideAs`, where existence is private) unless the actor has the ability. */
export function authorize<R, K extends string>(policies: Record<K, Policy<R>>, ability: NoInfer<K>, actor: PolicyActor, resource: R, hideAs?: AppError): void {
  authorizeWith(policies, ability, actor, resource, hideAs);
}

/** True when the actor has the ability (for choices that are not refusals, e.g. what a list shows). */
export function allows<R, K extends string>(policies: Record<K, Policy<R>>, ability: NoInfer<K>, actor: PolicyActor, resource: R): boolean {
  // A wide PolicySet<R> may not hold the key at run time: unknown abilities are refused, as in authorize().
  const policy: Policy<R> | undefined = policies[ability];
  return policy !== undefined && policy(actor, resource);
}

/** Every ability of the set the actor has on the resource; travels with the data to the UI. */
export function abilities<R, K extends string>(policies: Record<K, Policy<R>>, actor: PolicyActor, resource: R): K[] {
  return abilitiesOf(policies, actor, resource) as K[];
}
