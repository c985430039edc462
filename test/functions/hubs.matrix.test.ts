/**
 * The hubs authorization matrix: the hubs function's actions × resident, member, co-leader,
 * leader, leader of another group, committee of this and of another community, street and county.
 * Each cell runs on a fresh group; a denial must answer 403/404 and write nothing. The harness
 * is test/support/policyMatrix.ts (groupCells).
 */
import { createGroup, createHubInvite } from '../support/fixtures';
import { type Case, db, groupCells, groupFixture as fixture, leadership, OPENID, policyMatrix } from '../support/policyMatrix';

const runMatrix = policyMatrix(groupCells);

const cases: Case[] = [
  {
    action: 'hubs.invite',
    fn: 'hubs',
    allowed: leadership,
    input: async () => {
      const hub = await fixture({ type: 'hub', managementLevel: 'filed', communityId: null, streetId: 'st-chengguan' });
      const target = await createGroup(db, { leader: OPENID.otherLeader });
      return { hubId: hub.groupId, groupId: target };
    },
  },
  {
    action: 'hubs.respond',
    fn: 'hubs',
    allowed: leadership,
    input: async () => {
      const hub = await createGroup(db, { type: 'hub', managementLevel: 'filed', communityId: null, streetId: 'st-chengguan', leader: OPENID.otherLeader });
      return { linkId: await createHubInvite(db, hub, (await fixture()).groupId), accept: true };
    },
  },
  { action: 'hubs.invitations', fn: 'hubs', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId }) },
];

runMatrix(cases);
