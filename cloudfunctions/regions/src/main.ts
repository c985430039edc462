/** Cloud function `regions`: the county → street → community tree, its grid areas and its import. */
import { gridAreasOf } from '../../_core/commands/regions/gridAreas';
import { bytesOfSource, importRegions } from '../../_core/commands/regions/import';
import { regionImportTemplate } from '../../_core/commands/regions/importTemplate';
import { regionTree } from '../../_core/commands/regions/tree';
import { createHandler } from '../../_core/pipeline/createHandler';
import { regionsActions } from '../../../src/shared/api/regions';

export const main = createHandler({
  fn: 'regions',
  contract: regionsActions,
  actions: {
    'regions.tree': async () => regionTree(),
    'regions.gridAreas': async ({ input }) => gridAreasOf(input.communityId),
    'regions.import': async ({ actor, input, requestId, now }) => importRegions(() => bytesOfSource(input.source), input.apply, { kind: 'staff', actor, requestId: requestId! }, now),
    'regions.importTemplate': async () => regionImportTemplate(),
  },
});
