/**
 * Who may see and change the register of people served. The register is the most private list
 * the product keeps: only the committee of her community (a committee grant on it — street and
 * county staff see the dashboard's counts, never names) and the volunteers and groups paired with
 * her see a person; to anyone else she does not exist (NOT_FOUND). Served by the function `care`.
 */
import { hasStaffRoleOver, type PolicyActor, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

/** Committee staff of the community: the people who keep its register. */
const keepsRegister = (actor: PolicyActor, scope: RegionScope) => hasStaffRoleOver(actor, ['committee'], scope);

/** A person in care as the policies see her: her community, her state, and whether the actor is paired with her. */
export interface CareResource extends RegionScope {
  status: 'active' | 'closed';
  /** The actor is the paired volunteer, or an active member of a paired group (active pairs only). */
  paired: boolean;
}

/** Registering people and reading a community's register. */
export const careCommunityPolicies = {
  'care.register': (actor, c) => keepsRegister(actor, c),
  'care.list': (actor, c) => keepsRegister(actor, c),
  'care.overdue': (actor, c) => keepsRegister(actor, c),
} satisfies PolicySet<RegionScope>;

/** What a user may do with one person in care. */
export const carePolicies = {
  'care.view': (actor, r) => keepsRegister(actor, r) || (r.paired && r.status === 'active'),
  'care.viewConsent': (actor, r) => keepsRegister(actor, r),
  'care.update': (actor, r) => r.status === 'active' && keepsRegister(actor, r),
  'care.close': (actor, r) => r.status === 'active' && keepsRegister(actor, r),
  'care.pair': (actor, r) => r.status === 'active' && keepsRegister(actor, r),
  'care.unpair': (actor, r) => keepsRegister(actor, r),
  'care.logVisit': (_actor, r) => r.status === 'active' && r.paired,
  'care.visits': (actor, r) => keepsRegister(actor, r) || (r.paired && r.status === 'active'),
} satisfies PolicySet<CareResource>;
