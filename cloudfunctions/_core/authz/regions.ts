/** Loading a region node by id for a command: a missing node is NOT_FOUND. */
import { regionDirectory, type RegionDoc } from '../repositories/regions';
import { roleErrors } from '../../../src/shared/domainErrors';

/** The region of an id from the (cached) directory, or NOT_FOUND 地区不存在. */
export async function loadRegion(regionId: string): Promise<RegionDoc> {
  const region = (await regionDirectory()).get(regionId);
  if (!region) throw roleErrors.regionNotFound();
  return region;
}
