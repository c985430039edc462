import { hasStaffRoleOver, type PolicyActor, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

/** A moderation case: the reported item's place in the region tree and what happened so far. */
export interface CaseResource extends RegionScope {
  authorId: string | null;
  lastDecisionBy: string | null;
  appealState: 'none' | 'pending' | 'decided';
}

const staffOver = (actor: PolicyActor, c: CaseResource) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], c);

/** What staff and authors may do with a moderation case. */
export const casePolicies: PolicySet<CaseResource> = {
  'moderation.view': (actor, c) => staffOver(actor, c) || c.authorId === actor.userId,
  'moderation.decide': (actor, c) => staffOver(actor, c) && c.appealState !== 'pending',
  'moderation.appeal': (actor, c) => c.authorId === actor.userId && c.lastDecisionBy !== null && c.appealState === 'none',
  /** An appeal goes to staff other than the one who decided: a colleague, or the street above. */
  'moderation.decideAppeal': (actor, c) => c.appealState === 'pending' && staffOver(actor, c) && c.lastDecisionBy !== actor.userId,
};
