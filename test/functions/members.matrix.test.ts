/**
 * The members authorization matrix: the members function's actions × resident, member, co-leader,
 * leader, leader of another group, committee of this and of another community, street and county.
 * Each cell runs on a fresh group; a denial must answer 403/404 and write nothing. The harness
 * is test/support/policyMatrix.ts (groupCells).
 */
import { userIdOf as uid } from '../../cloudfunctions/_core/repositories/users';
import { type Case, groupCells, groupFixture as fixture, leadership, OPENID, policyMatrix, staffOver } from '../support/policyMatrix';

const runMatrix = policyMatrix(groupCells);

const cases: Case[] = [
  { action: 'members.list', fn: 'members', allowed: ['member', 'coLeader', 'leader', ...staffOver], input: async () => ({ groupId: (await fixture()).groupId }) },
  { action: 'members.requests', fn: 'members', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId }) },
  {
    action: 'members.decide',
    fn: 'members',
    allowed: leadership,
    input: async () => {
      const f = await fixture();
      return { groupId: f.groupId, userId: uid(f.requester), decision: 'approve' };
    },
  },
  { action: 'members.remove', fn: 'members', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId, userId: uid(OPENID.member), reason: '多次违反群规' }) },
  { action: 'members.setRole', fn: 'members', allowed: ['leader'], input: async () => ({ groupId: (await fixture()).groupId, userId: uid(OPENID.member), role: 'co_leader' }) },
  { action: 'invites.create', fn: 'members', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId }) },
];

runMatrix(cases);
