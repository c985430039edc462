/**
 * The place the 活动 list was last sorted by, kept for the session (memory only: a position is
 * personal and goes stale, so it is never written to storage) so switching back to "离我最近",
 * or another tab and back, does not ask again.
 */
import type { NearPlace } from '../utils/nearPlace';
import { createStore } from './createStore';

export const nearPlaceStore = createStore<NearPlace | null>(null);
