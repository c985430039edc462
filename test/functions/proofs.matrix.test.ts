/**
 * The proofs authorization matrix: issuing and rejecting proofs × resident, the volunteer herself,
 * member, co-leader, leader, leader of another group, committee of this and of another community,
 * street and county.
 * Each cell gets a fresh group, volunteer activity and whatever the action needs; a denial must
 * answer 403/404 and write nothing. The harness is test/support/policyMatrix.ts (volunteerCells).
 */
import { dataOf } from '../support/localCloud';
import { type Case, clients, confirmed, leadership, policyMatrix, today, volunteerCells, type VolunteerCell } from '../support/policyMatrix';

const runMatrix = policyMatrix(volunteerCells);

const cases: Case<VolunteerCell>[] = [
  {
    action: 'proofs.issue',
    fn: 'proofs',
    allowed: leadership,
    input: async (f) => {
      await confirmed(f);
      const proof = await dataOf<{ id: string }>(clients.owner.call('proofs', 'proofs.request', { issuerType: 'group', issuerId: f.groupId, from: '2026-01-01', to: today() }));
      return { proofId: proof.id, personInCharge: '张主任', contact: '13800001111' };
    },
  },
  {
    action: 'proofs.reject',
    fn: 'proofs',
    allowed: leadership,
    input: async (f) => {
      await confirmed(f);
      const proof = await dataOf<{ id: string }>(clients.owner.call('proofs', 'proofs.request', { issuerType: 'group', issuerId: f.groupId, from: '2026-01-01', to: today() }));
      return { proofId: proof.id, reason: '记录需先核对' };
    },
  },
];

runMatrix(cases);
