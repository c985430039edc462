/**
 * The volunteers authorization matrix: hours and volunteer records × resident, the volunteer herself,
 * member, co-leader, leader, leader of another group, committee of this and of another community,
 * street and county.
 * Each cell gets a fresh group, volunteer activity and whatever the action needs; a denial must
 * answer 403/404 and write nothing. The harness is test/support/policyMatrix.ts (volunteerCells).
 */
import { dataOf } from '../support/localCloud';
import { type Case, clients, confirmed, leadership, policyMatrix, staffOver, today, volunteerCells, type VolunteerCell, volunteerNo } from '../support/policyMatrix';

const runMatrix = policyMatrix(volunteerCells);

const cases: Case<VolunteerCell>[] = [
  { action: 'hours.activity', fn: 'volunteers', allowed: [...leadership, ...staffOver], input: async (f) => ({ activityId: f.activityId }) },
  { action: 'hours.confirm', fn: 'volunteers', allowed: leadership, input: async (f) => ({ activityId: f.activityId, items: [{ signupId: f.signupId }] }) },
  {
    action: 'hours.review',
    fn: 'volunteers',
    allowed: [...leadership, ...staffOver],
    input: async (f) => {
      const record = await dataOf<{ id: string }>(
        clients.owner.call('volunteers', 'hours.selfReport', { groupId: f.groupId, serviceDate: today(), minutes: 30, content: '帮邻居搬运物资', evidence: 'cloud://local/uploads/x/y.jpg' }),
      );
      return { recordId: record.id, approve: true };
    },
  },
  {
    action: 'hours.reviewCorrection',
    fn: 'volunteers',
    allowed: [...leadership, ...staffOver],
    input: async (f) => {
      await confirmed(f);
      const mine = await dataOf<{ records: { items: Array<{ id: string; activityId: string | null }> } }>(clients.owner.call('volunteers', 'hours.mine', { limit: 50 }, null));
      const recordId = mine.records.items.find((r) => r.activityId === f.activityId)!.id;
      const { correctionId } = await dataOf<{ correctionId: string }>(clients.owner.call('volunteers', 'hours.requestCorrection', { recordId, minutes: 100, reason: '提前离开了二十分钟' }));
      return { correctionId, approve: true };
    },
  },
  { action: 'volunteers.get', fn: 'volunteers', allowed: [...staffOver, 'otherCommittee'], input: async () => ({ volunteerNo }) },
];

runMatrix(cases);
