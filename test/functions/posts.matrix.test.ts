/**
 * The posts authorization matrix: the posts function's actions × resident, member, co-leader,
 * leader, leader of another group, committee of this and of another community, street and county.
 * Each cell runs on a fresh group; a denial must answer 403/404 and write nothing. The harness
 * is test/support/policyMatrix.ts (groupCells).
 */
import { createPost } from '../support/fixtures';
import { type Case, db, groupCells, groupFixture as fixture, leadership, OPENID, policyMatrix, ROLES, staffOver } from '../support/policyMatrix';

const runMatrix = policyMatrix(groupCells);

const cases: Case[] = [
  { action: 'posts.create', fn: 'posts', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId, text: '本周六上午九点在广场集合。' }) },
  { action: 'posts.list', fn: 'posts', allowed: [...ROLES], input: async () => ({ groupId: (await fixture()).groupId }) },
  {
    action: 'posts.remove',
    fn: 'posts',
    allowed: ['leader', 'coLeader', ...staffOver],
    input: async () => ({ postId: await createPost(db, (await fixture()).groupId, OPENID.leader) }),
  },
];

runMatrix(cases);
