/**
 * Staff scope: what staff may see by where their grants sit in the region tree. A grant covers
 * its node and everything below it (src/shared/policies/actor.ts `hasStaffRoleOver`).
 */
import type { StaffRole } from '../../../src/shared/schemas/account';
import { hasStaffRoleOver, isStaff, type PolicyActor, type RegionScope } from '../../../src/shared/policies/actor';
import type { Policy } from '../../../src/shared/policies/authorize';
import { regionDirectory, type RegionDoc } from '../repositories/regions';
import { authorize } from './authorize';
import { consoleErrors } from '../../../src/shared/domainErrors';

const EVERY_STAFF_ROLE: readonly StaffRole[] = ['committee', 'street', 'county'];

/** A region node with its level: what staff-scope policies judge. */
export type ScopedRegion = RegionScope & { level: RegionDoc['level'] };

/** The policy view of a region document. */
export function scopeOf(region: RegionDoc): ScopedRegion {
  return { regionId: region._id, ancestorIds: region.ancestorIds, level: region.level };
}

/** Abilities on a region node that come from holding a staff grant over it. */
export const staffScopePolicies = {
  /** Any staff role on the node or above it: sees the node's staff, figures and applications. */
  'region.oversee': (actor, region) => hasStaffRoleOver(actor, EVERY_STAFF_ROLE, region),
} satisfies Record<string, Policy<RegionScope>>;

/** Abilities that come from the kind of grant the actor holds anywhere (checked before anything is read). */
export const staffRolePolicies = {
  /** County staff somewhere: may start a region import (the county itself is checked once the file names it). */
  'staff.county': (actor) => actor.grants.some((grant) => grant.role === 'county'),
  /** Staff anywhere (src/shared/policies/actor.ts `isStaff`): may look people up by volunteer number. */
  'staff.any': (actor) => isStaff(actor),
} satisfies Record<string, Policy<null>>;

/**
 * The region of an id if the actor is staff on it or above it, with the whole directory;
 * otherwise NOT_FOUND, as if it did not exist (the console's dashboards, searches and exports).
 */
export async function loadStaffRegion(actor: PolicyActor, regionId: string): Promise<{ region: RegionDoc; regions: Map<string, RegionDoc> }> {
  const regions = await regionDirectory();
  const region = regions.get(regionId);
  const hidden = consoleErrors.regionOutOfScope();
  if (!region) throw hidden;
  authorize(staffScopePolicies, 'region.oversee', actor, scopeOf(region), hidden);
  return { region, regions };
}
