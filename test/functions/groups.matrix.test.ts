/**
 * The groups authorization matrix: the groups function's management and review actions ×
 * resident, member, co-leader, leader, leader of another group, committee of this and of another
 * community, street and county.
 * Each cell runs on a fresh group; a denial must answer 403/404 and write nothing. The harness
 * is test/support/policyMatrix.ts (groupCells).
 */
import { userIdOf as uid } from '../../cloudfunctions/_core/repositories/users';
import { createGroup } from '../support/fixtures';
import { type Case, db, groupCells, groupFixture as fixture, leadership, OPENID, policyMatrix, ROLES, staffOver } from '../support/policyMatrix';

const runMatrix = policyMatrix(groupCells);

const cases: Case[] = [
  { action: 'groups.get', fn: 'groups', allowed: [...ROLES], input: async () => ({ groupId: (await fixture()).groupId }) },
  { action: 'groups.update', fn: 'groups', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId, description: '新的小组介绍，欢迎大家来参加。' }) },
  { action: 'groups.dissolve', fn: 'groups', allowed: ['leader', ...staffOver], input: async () => ({ groupId: (await fixture()).groupId, reason: '长期没有活动' }) },
  { action: 'groups.rate', fn: 'groups', allowed: ['street', 'county'], input: async () => ({ groupId: (await fixture()).groupId, year: 2026, excellent: true }) },
  { action: 'groups.transferLeadership', fn: 'groups', allowed: ['leader'], input: async () => ({ groupId: (await fixture()).groupId, userId: uid(OPENID.member) }) },
  {
    action: 'groups.review (community-managed)',
    fn: 'groups',
    allowed: ['committee'],
    input: async () => ({ groupId: await createGroup(db, { status: 'pending', applicant: 'mx-applicant' }), decision: 'approve' }),
  },
  {
    action: 'groups.review (filed)',
    fn: 'groups',
    allowed: ['street'],
    input: async () => ({ groupId: await createGroup(db, { status: 'pending', managementLevel: 'filed', applicant: 'mx-applicant' }), decision: 'approve', number: '城关备字〔2026〕101号' }),
  },
  {
    action: 'groups.review (registered)',
    fn: 'groups',
    allowed: ['county'],
    input: async () => ({ groupId: await createGroup(db, { status: 'pending', managementLevel: 'registered', applicant: 'mx-applicant' }), decision: 'approve', number: '临民登字〔2026〕0042号' }),
  },
];

runMatrix(cases);
