import { hasStaffRoleOver, type PolicyActor, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

/** A moderation case: the reported item's place in the region tree and what happened so far. */
export interface CaseResource extends RegionScope {
  authorId: string | null;
  lastDecisionBy: string | null;
  /** The last decision's action (null before any). */
  lastDecisionAction: 'hide' | 'restore' | 'warn' | 'suspend' | 'dismiss' | null;
  appealState: 'none' | 'pending' | 'decided';
  /** The item is out of sight now (auto-hidden, hidden or suspended). */
  itemHidden: boolean;
  /** Reports wait for a decision (none yet, or some came after the last one). */
  reportsOpen: boolean;
}

const staffOver = (actor: PolicyActor, c: CaseResource) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], c);
const mayDecide = (actor: PolicyActor, c: CaseResource) => staffOver(actor, c) && c.appealState !== 'pending';

/** What staff and authors may do with a moderation case. */
export const casePolicies = {
  'moderation.view': (actor, c) => staffOver(actor, c) || c.authorId === actor.userId,
  'moderation.decide': mayDecide,
  /** Restoring is for what is out of sight; offering it for a visible item would do nothing. */
  'moderation.restore': (actor, c) => mayDecide(actor, c) && c.itemHidden,
  /** "Report unfounded" closes reports that wait; a case without open reports has nothing to dismiss. */
  'moderation.dismiss': (actor, c) => mayDecide(actor, c) && c.reportsOpen,
  /** Only an adverse decision can be appealed: a restore or a dismissed report took nothing from the author. */
  'moderation.appeal': (actor, c) =>
    c.authorId === actor.userId && c.lastDecisionBy !== null && c.appealState === 'none' && c.lastDecisionAction !== 'dismiss' && c.lastDecisionAction !== 'restore',
  /** An appeal goes to staff other than the one who decided: a colleague, or the street above. */
  'moderation.decideAppeal': (actor, c) => c.appealState === 'pending' && staffOver(actor, c) && c.lastDecisionBy !== actor.userId,
} satisfies PolicySet<CaseResource>;
