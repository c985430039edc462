import type { AppError } from '../errors';
import type { PolicyActor } from './actor';
import { requestErrors } from '../domainErrors';

/** A named predicate: may this actor do this to this resource? */
export type Policy<R> = (actor: PolicyActor, resource: R) => boolean;
export type PolicySet<R> = Record<string, Policy<R>>;

/**
 * Throws FORBIDDEN unless the policy allows. Where the resource's existence is private,
 * callers pass the error a missing record gets (`hideAs`), so a denial looks exactly like it.
 */
export function authorize<R>(policies: PolicySet<R>, ability: string, actor: PolicyActor, resource: R, hideAs?: AppError): void {
  const policy = policies[ability];
  if (!policy || !policy(actor, resource)) throw hideAs ?? requestErrors.forbidden();
}

/** Every ability of the set the actor has on the resource; travels with the data to the UI. */
export function abilities<R>(policies: PolicySet<R>, actor: PolicyActor, resource: R): string[] {
  return Object.keys(policies).filter((name) => policies[name]!(actor, resource));
}
