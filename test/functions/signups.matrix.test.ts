/**
 * The signups authorization matrix: the signups function's roster, marking, check-in and sign-up
 * actions × resident, member, co-leader, leader, leader of another group, committee of this and of
 * another community, street and county. Each cell runs on a fresh activity; a denial must answer
 * 403/404 and write nothing. The harness is test/support/policyMatrix.ts (activityCells).
 */
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import { activityCells, type ActivityCell, type Case, leadership, policyMatrix, ROLES } from '../support/policyMatrix';

const runMatrix = policyMatrix(activityCells);

const cases: Case<ActivityCell>[] = [
  { action: 'signups.roster', fn: 'signups', allowed: leadership, input: (f) => ({ activityId: f.activityId }) },
  { action: 'signups.rosterExport', fn: 'signups', allowed: leadership, input: (f) => ({ activityId: f.activityId }) },
  { action: 'signups.remove', fn: 'signups', allowed: leadership, input: (f) => ({ activityId: f.activityId, userId: userIdOf(f.attendee), reason: '重复报名' }) },
  { action: 'signups.mark', fn: 'signups', allowed: leadership, input: (f) => ({ activityId: f.activityId, userId: userIdOf(f.attendee), mark: 'check_in' }) },
  { action: 'checkin.code', fn: 'signups', allowed: leadership, input: (f) => ({ activityId: f.activityId }) },
  { action: 'signups.create', fn: 'signups', allowed: ROLES, input: (f) => ({ activityId: f.activityId }) },
  // Only the attendee (or her proxy) may cancel her sign-up: everyone here is someone else.
  { action: 'signups.cancel', fn: 'signups', allowed: [], input: (f) => ({ activityId: f.activityId, forUserId: userIdOf(f.attendee) }) },
  // Acting for her needs her active consent (issue 18): no role here holds one, staff included.
  { action: 'signups.confirmOffer', fn: 'signups', allowed: [], input: (f) => ({ activityId: f.activityId, forUserId: userIdOf(f.attendee) }) },
];

runMatrix(cases);
