/** Loading a region node by id for a command: a missing node is NOT_FOUND. */
import { AppError } from '../../../src/shared/errors';
import { regionDirectory, type RegionDoc } from '../repositories/regions';

/** The region of an id from the (cached) directory, or NOT_FOUND 地区不存在. */
export async function loadRegion(regionId: string): Promise<RegionDoc> {
  const region = (await regionDirectory()).get(regionId);
  if (!region) throw new AppError('NOT_FOUND', '地区不存在');
  return region;
}
