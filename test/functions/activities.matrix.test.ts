/**
 * The activities authorization matrix: the activities function's leader and staff actions × resident,
 * member, co-leader, leader, leader of another group, committee of this and of another community,
 * street and county. Each cell runs on a fresh activity; a denial must answer 403/404 and write
 * nothing. The harness is test/support/policyMatrix.ts (activityCells).
 */
import { activityCells, type ActivityCell, type Case, leadership, policyMatrix, ROLES } from '../support/policyMatrix';

const runMatrix = policyMatrix(activityCells);

const cases: Case<ActivityCell>[] = [
  { action: 'activities.get', fn: 'activities', allowed: ROLES, input: (f) => ({ activityId: f.activityId }) },
  { action: 'activities.cancel', fn: 'activities', allowed: leadership, input: (f) => ({ activityId: f.activityId, reason: '场地临时被占用' }) },
  // Checking and healing seats is a staff tool over the community (the group's own leaders cannot).
  { action: 'activities.reconcile', fn: 'activities', allowed: ['committee', 'street', 'county'], input: (f) => ({ activityId: f.activityId, fix: true }) },
];

runMatrix(cases);
