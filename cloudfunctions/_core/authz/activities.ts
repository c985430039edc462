/**
 * Activities as authorization sees them: the policy view of an activity for one actor, and the
 * loader every activity and sign-up command starts with (an activity the actor may not see
 * answers like a missing one).
 */
import { activityPolicies, type ActivityResource } from '../../../src/shared/policies/activities';
import { signupPolicies } from '../../../src/shared/policies/signups';
import { findActivity, type ActivityDoc } from '../repositories/activities';
import { findGroup, type GroupDoc } from '../repositories/groups';
import { findMembership } from '../repositories/memberships';
import { Coalescer } from '../runtime/coalesce';
import type { Actor } from './actor';
import { abilities, authorize } from './authorize';
import { groupResource } from './groups';
import { activityErrors } from '../../../src/shared/domainErrors';

/** An activity that is missing and one the actor may not see answer alike. */
export const activityNotFound = () => activityErrors.notFound();

/** What the actor may do on an activity's page (ActivityDetail.abilities): the activity's abilities, then its sign-ups'. */
export function activityPageAbilities(actor: Actor, resource: ActivityResource): string[] {
  return [...abilities(activityPolicies, actor, resource), ...abilities(signupPolicies, actor, resource)];
}

/** The policy view of an activity for the actor. */
export async function activityResource(actor: Actor, activity: ActivityDoc, group?: GroupDoc | null, needMembership = true): Promise<ActivityResource> {
  const g = group ?? (await findGroup(activity.groupId));
  if (!g) throw activityNotFound();
  // Seeing an activity of a live group needs no membership; skip the read when only that is asked.
  const membership = needMembership || g.status !== 'active' ? await findMembership(g._id, actor.userId) : null;
  return { group: groupResource(g, membership), status: activity.status, ended: activity.endAt.getTime() <= Date.now() };
}

/**
 * An activity and its group, read together for everyone of this instance asking at once (a
 * crowd signing up for one activity): each caller still gets a read started after it asked.
 * Callers share the documents and must not change them.
 */
const activityReads = new Coalescer<null, { activity: ActivityDoc | null; group: GroupDoc | null }>(async (activityId, callers) => {
  const activity = await findActivity(activityId);
  const group = activity ? await findGroup(activity.groupId) : null;
  if (activity) recentReads.remember(activityId, { activity, group });
  return callers.map(() => ({ activity, group }));
});

/**
 * Activities (and their groups) as this warm instance last read them. Under CloudBase's model an
 * instance runs one call at a time, so a crowd signing up for one activity cannot share a read
 * (the coalescer above shares only between calls running at once); a read a moment old can be
 * shared instead — by a caller whose next write re-checks what matters on the document itself
 * (the sign-up crowd's waitlist draw is conditional on the activity still open: commands/signups/create.ts).
 * Bounded: a full map is emptied, which costs reads, never a wrong answer.
 */
class RecentReads {
  private readonly reads = new Map<string, { activityAt: number; groupAt: number; value: { activity: ActivityDoc; group: GroupDoc | null } }>();
  private static readonly MAX = 500;
  /**
   * A group read may be this much older than its activity's (refreshed by the crowd's own writes,
   * see `refresh`): what a newcomer's decision needs of the group — its status, its no-show limit —
   * changes rarely, and an activity of a dissolved group is cancelled, which the draw re-checks.
   */
  private static readonly GROUP_MAX_AGE_MS = 10_000;

  remember(activityId: string, value: { activity: ActivityDoc; group: GroupDoc | null }): void {
    if (this.reads.size >= RecentReads.MAX) this.reads.clear();
    const at = Date.now();
    this.reads.set(activityId, { activityAt: at, groupAt: at, value });
  }

  /** The activity as a write of this instance just returned it (a draw's answer), beside the group read before. */
  refresh(activity: ActivityDoc): void {
    const read = this.reads.get(activity._id);
    if (read) this.reads.set(activity._id, { ...read, activityAt: Date.now(), value: { ...read.value, activity } });
  }

  within(activityId: string, maxAgeMs: number): { activity: ActivityDoc; group: GroupDoc | null } | null {
    const read = this.reads.get(activityId);
    const now = Date.now();
    return read && now - read.activityAt <= maxAgeMs && now - read.groupAt <= Math.max(maxAgeMs, RecentReads.GROUP_MAX_AGE_MS) ? read.value : null;
  }
}

const recentReads = new RecentReads();

/**
 * This instance's read of an activity, `maxAgeMs` old or younger, without any authorization: only
 * for a speculative head start that the command undoes unless the actor may go on
 * (commands/signups/headStart.ts).
 */
export function recentActivityRead(activityId: string, maxAgeMs: number): ActivityDoc | null {
  return recentReads.within(activityId, maxAgeMs)?.activity ?? null;
}

/**
 * Keeps this instance's recent read of an activity current with what a write of its line just
 * answered (the activity after the draw): the next newcomer of the crowd on this instance decides
 * on it instead of reading the activity again. Only refreshes a read this instance made.
 */
export function refreshRecentActivityRead(activity: ActivityDoc): void {
  recentReads.refresh(activity);
}

/**
 * Loads an activity the actor may see. `maxAgeMs` (> 0) accepts this instance's read of that age
 * or younger (`recent` says one was used): only for a caller whose writes re-check the activity.
 */
export async function loadVisibleActivity(actor: Actor, activityId: string, needMembership = true, maxAgeMs = 0) {
  const recent = maxAgeMs > 0 ? recentReads.within(activityId, maxAgeMs) : null;
  const { activity, group } = recent ?? (await activityReads.submit(activityId, null));
  if (!activity) throw activityNotFound();
  const resource = await activityResource(actor, activity, group, needMembership);
  authorize(activityPolicies, 'activities.view', actor, resource, activityNotFound());
  return { activity, group: group!, resource, recent: recent !== null };
}
