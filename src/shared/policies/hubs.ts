/**
 * Who may link groups to a hub: the abilities of the cloud function `hubs` (src/shared/api/hubs.ts).
 * They judge a group (the hub, or the group invited), so the group's page lists them last.
 */
import { isLeadership, isLive, type GroupResource } from './groups';
import type { PolicySet } from './authorize';

/** What a group's leaders may do with hub links. */
export const hubPolicies = {
  'hubs.invite': (_actor, g) => isLive(g) && g.type === 'hub' && isLeadership(g),
  'hubs.respond': (_actor, g) => isLive(g) && isLeadership(g),
} satisfies PolicySet<GroupResource>;
