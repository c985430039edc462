/** regions.gridAreas: a community's grid areas (网格), as imported. */
import { AppError } from '../../../../src/shared/errors';
import { regionDirectory } from '../../repositories/regions';

/** The grid areas of a community; anything else (or nothing) is NOT_FOUND 社区不存在. */
export async function gridAreasOf(communityId: string): Promise<{ gridAreas: string[] }> {
  const community = (await regionDirectory()).get(communityId);
  if (!community || community.level !== 'community') throw new AppError('NOT_FOUND', '社区不存在');
  return { gridAreas: community.gridAreas ?? [] };
}
