/** Cloud function `regions`: the county → street → community tree, its grid areas and its import. */
import { bytesOfSource, importRegions, regionImportTemplate } from '../../_core/commands/regionImport';
import { presentRegionTree } from '../../_core/presenters/regions';
import { allRegions, regionDirectory } from '../../_core/repositories/regions';
import { createHandler } from '../../_core/runtime/createHandler';
import { regionErrors } from '../../../src/shared/domainErrors';

export const main = createHandler({
  fn: 'regions',
  actions: {
    'regions.tree': async () => ({ roots: presentRegionTree(await allRegions()) }),
    'regions.gridAreas': async ({ input }) => {
      const community = (await regionDirectory()).get(input.communityId);
      if (!community || community.level !== 'community') throw regionErrors.communityNotFound();
      return { gridAreas: community.gridAreas ?? [] };
    },
    'regions.import': async ({ actor, input, requestId, now }) => importRegions(() => bytesOfSource(input.source), input.apply, { kind: 'staff', actor, requestId: requestId! }, now),
    'regions.importTemplate': async () => regionImportTemplate(),
  },
});
