/**
 * The contract slice of the cloud function `regions` (cloudfunctions/regions/):
 * the county → street → community tree, its grid areas and its import.
 */
import {
  RegionsGridAreasInput,
  RegionsGridAreasOutput,
  RegionsImportInput,
  RegionsImportOutput,
  RegionsImportTemplateInput,
  RegionsImportTemplateOutput,
  RegionsTreeInput,
  RegionsTreeOutput,
} from '../schemas/regions';
import { action, type ActionSpec } from './actionSpec';

export const regionsActions = {
  'regions.tree': action({
    fn: 'regions',
    input: RegionsTreeInput,
    output: RegionsTreeOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'regions.gridAreas': action({
    fn: 'regions',
    input: RegionsGridAreasInput,
    output: RegionsGridAreasOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'regions.import': action({
    fn: 'regions',
    input: RegionsImportInput,
    output: RegionsImportOutput,
    mutation: true,
    audience: 'staff',
    // A preview and an import per attempt; staff correcting a file try a few times.
    rateLimit: { limit: 60, windowSeconds: 3600 },
  }),
  'regions.importTemplate': action({
    fn: 'regions',
    input: RegionsImportTemplateInput,
    output: RegionsImportTemplateOutput,
    mutation: false,
    audience: 'staff',
    rateLimit: { limit: 30, windowSeconds: 3600 },
  }),
} as const satisfies Record<string, ActionSpec>;
