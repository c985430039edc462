/** Cloud function `regions`: the county → street → community tree for pickers. */
import { presentRegionTree } from '../../_core/presenters/regions';
import { allRegions } from '../../_core/repositories/regions';
import { createHandler } from '../../_core/runtime/createHandler';

export const main = createHandler({
  fn: 'regions',
  actions: {
    'regions.tree': async () => ({ roots: presentRegionTree(await allRegions()) }),
  },
});
