/**
 * signups.roster: the roster of an activity for its leaders: one section a page (a popular activity has
 * thousands of sign-ups; CloudBase answers at most 1,000 documents a query), counts by status
 * from the sign-up documents themselves, and an Excel export of every sign-up.
 */
import { signupPolicies } from '../../../../src/shared/policies/signups';
import { ROSTER_SECTIONS, type RosterSection } from '../../../../src/shared/schemas/signups';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { presentRosterEntry } from '../../presenters/signups';
import { countSignupsByStatus, rosterPage } from '../../repositories/signups';
import { rosterNicknames } from './rosterNames';

/** One page of one roster section: the line in order (offers first), others by arrival. */
export async function roster(actor: Actor, input: { activityId: string; section: RosterSection; offset: number; limit: number }, now: Date) {
  const { activity, resource } = await loadVisibleActivity(actor, input.activityId);
  authorize(signupPolicies, 'signups.manage', actor, resource);
  const statuses = ROSTER_SECTIONS[input.section];
  const [counts, list] = await Promise.all([countSignupsByStatus(activity._id), rosterPage(activity._id, statuses, input.offset, input.limit)]);
  const total = statuses.reduce((sum, s) => sum + counts[s], 0);
  const users = await rosterNicknames(list);
  const items = list.map((s) => presentRosterEntry(s, users, activity, now));
  // Offers are the head of the line, so they come before the people still waiting.
  if (input.section === 'waiting') items.sort((a, b) => Number(b.status === 'offered') - Number(a.status === 'offered'));
  return { items, total, hasMore: input.offset + list.length < total, counts };
}

