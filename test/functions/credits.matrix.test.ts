/**
 * The credits authorization matrix: grants, adjustments, settings and the points store ×
 * resident, the volunteer herself, member, co-leader, leader, leader of another group, committee
 * of this and of another community, street and county.
 * Each cell gets a fresh group, volunteer activity and whatever the action needs; a denial must
 * answer 403/404 and write nothing. The harness is test/support/policyMatrix.ts (volunteerCells).
 */
import { dataOf } from '../support/localCloud';
import { type Case, clients, confirmed, policyMatrix, staffOver, volunteerCells, type VolunteerCell, volunteerNo } from '../support/policyMatrix';

const runMatrix = policyMatrix(volunteerCells);

const cases: Case<VolunteerCell>[] = [
  { action: 'credits.grant', fn: 'credits', allowed: staffOver, input: async () => ({ volunteerNo, amount: 5, reason: '表现突出', source: 'issuance' }) },
  { action: 'credits.adjust', fn: 'credits', allowed: staffOver, input: async () => ({ volunteerNo, amount: 1, reason: '补录' }) },
  { action: 'volunteerSettings.update', fn: 'credits', allowed: staffOver, input: async () => ({ communityId: 'cm-beiyuan', creditExpiryYears: 3 }) },
  { action: 'store.saveItem', fn: 'credits', allowed: staffOver, input: async () => ({ communityId: 'cm-beiyuan', name: '毛巾', cost: 5, stock: 10, perPersonLimit: 1 }) },
  {
    action: 'store.cancel',
    fn: 'credits',
    allowed: ['owner', ...staffOver],
    input: async (f) => {
      await confirmed(f);
      const item = await dataOf<{ id: string }>(clients.committee.call('credits', 'store.saveItem', { communityId: 'cm-beiyuan', name: '肥皂', cost: 1, stock: 5, perPersonLimit: 5 }));
      const redemption = await dataOf<{ id: string }>(clients.owner.call('credits', 'store.redeem', { itemId: item.id }));
      return { redemptionId: redemption.id };
    },
  },
];

runMatrix(cases);
