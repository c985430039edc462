/** Communities as authorization sees them: the community of an id, and staff who run its credits and store. */
import type { PolicyActor } from '../../../src/shared/policies/actor';
import { creditPolicies } from '../../../src/shared/policies/credits';
import { regionDirectory, type RegionDoc } from '../repositories/regions';
import { allows, authorize } from './authorize';
import { regionErrors } from '../../../src/shared/domainErrors';

/** The community of an id, or NOT_FOUND 社区不存在 (a street or county id is not one). */
export async function loadCommunity(communityId: string): Promise<RegionDoc> {
  const region = (await regionDirectory()).get(communityId);
  if (!region || region.level !== 'community') throw regionErrors.communityNotFound();
  return region;
}

/** True when the actor is staff over the community (manages its credits and store). */
export function managesCredits(actor: PolicyActor, community: RegionDoc): boolean {
  return allows(creditPolicies, 'credits.manage', actor, { regionId: community._id, ancestorIds: community.ancestorIds });
}

/** A community the actor may run (staff over it), or NOT_FOUND/FORBIDDEN. */
export async function loadManageableCommunity(actor: PolicyActor, communityId: string): Promise<RegionDoc> {
  const region = await loadCommunity(communityId);
  authorize(creditPolicies, 'credits.manage', actor, { regionId: region._id, ancestorIds: region.ancestorIds });
  return region;
}
