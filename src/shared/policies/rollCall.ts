/**
 * Emergency roll-call: staff over a community call its volunteers; only those called answer.
 * Who was called is private: to anyone else a roll-call does not exist.
 */
import { hasStaffRoleOver, type PolicyActor, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

/** A roll-call as the policies see it: its community, its state and whether the actor was called. */
export interface RollCallResource extends RegionScope {
  status: 'open' | 'closed';
  /** The actor is one of the volunteers it notified. */
  called: boolean;
}

const staffOver = (actor: PolicyActor, scope: RegionScope) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], scope);

/** Calling the volunteers of a community, and listing its roll-calls. */
export const rollCallCommunityPolicies: PolicySet<RegionScope> = {
  'rollcalls.create': (actor, c) => staffOver(actor, c),
  'rollcalls.list': (actor, c) => staffOver(actor, c),
};

/** What a user may do with one roll-call. */
export const rollCallPolicies: PolicySet<RollCallResource> = {
  'rollcalls.view': (actor, r) => staffOver(actor, r) || r.called,
  'rollcalls.tally': (actor, r) => staffOver(actor, r),
  'rollcalls.respond': (_actor, r) => r.status === 'open' && r.called,
  'rollcalls.close': (actor, r) => r.status === 'open' && staffOver(actor, r),
};
