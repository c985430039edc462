/**
 * The contract slice of the cloud function `system` (cloudfunctions/system/):
 * housekeeping on timers; it serves no client action, so its slice is empty.
 */
import type { ActionSpec } from './actionSpec';

export const systemActions = {} as const satisfies Record<string, ActionSpec>;
