/** regions.gridAreas: a community's grid areas (网格), as imported. */
import { regionDirectory } from '../../repositories/regions';
import { regionErrors } from '../../../../src/shared/domainErrors';

/** The grid areas of a community; anything else (or nothing) is NOT_FOUND 社区不存在. */
export async function gridAreasOf(communityId: string): Promise<{ gridAreas: string[] }> {
  const community = (await regionDirectory()).get(communityId);
  if (!community || community.level !== 'community') throw regionErrors.communityNotFound();
  return { gridAreas: community.gridAreas ?? [] };
}
