/**
 * The contract slices the app can call, by action. Each slice carries the zod schemas of its
 * function's inputs and outputs, and together they weigh tens of KB, so the main package holds
 * only the slices its own pages call (below) and a subpackage whose pages call another function
 * registers that slice when it loads (src/package-<name>/actions.ts, imported by each of its
 * pages) — the way the locale catalogues load (src/locales/index.ts, registerCatalog). A page
 * in the main package never reaches a subpackage's page before the subpackage has loaded.
 * test/app/actionSlices.test.ts fails on a page that calls an action its package never registers.
 */
import type { ActionName, ActionSpec, Contract } from '../shared/api/contract';
import { accountActions } from '../shared/api/account';
import { activitiesActions } from '../shared/api/activities';
import { groupsActions } from '../shared/api/groups';
import { hubsActions } from '../shared/api/hubs';
import { inboxActions } from '../shared/api/inbox';
import { moderationActions } from '../shared/api/moderation';
import { noticesActions } from '../shared/api/notices';
import { postsActions } from '../shared/api/posts';
import { proofsActions } from '../shared/api/proofs';
import { regionsActions } from '../shared/api/regions';
import { signupsActions } from '../shared/api/signups';
import { volunteersActions } from '../shared/api/volunteers';

const registered = new Map<string, ActionSpec>();

/** Makes a slice's actions callable (registering one twice is harmless: the specs are the same objects). */
export function registerActions(slice: Partial<Contract>): void {
  for (const [name, spec] of Object.entries(slice)) registered.set(name, spec);
}

/**
 * The spec of an action to call. An action whose slice no loaded package registered is a
 * mistake in this build (the test above catches it), not something a user can cause: it fails
 * before anything is sent.
 */
export function specOf(action: ActionName): ActionSpec {
  const spec = registered.get(action);
  if (!spec) throw new Error(`${action}: its contract slice is not registered by this package (src/services/actions.ts)`);
  return spec;
}

/** True when `action` can be called now (for tests). */
export function isRegistered(action: string): boolean {
  return registered.has(action);
}

// The slices of the functions the main package's pages call.
registerActions({
  ...accountActions,
  ...activitiesActions,
  ...groupsActions,
  ...hubsActions,
  ...inboxActions,
  ...moderationActions,
  ...noticesActions,
  ...postsActions,
  ...proofsActions,
  ...regionsActions,
  ...signupsActions,
  ...volunteersActions,
});
