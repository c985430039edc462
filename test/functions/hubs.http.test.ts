/** The hubs function over HTTP: a hub invites a group of its street, the group accepts, the hub lists it. */
import type { GroupDetail } from '../../src/shared/schemas/groups';
import type { HubLinkView } from '../../src/shared/schemas/hubs';
import { cloudPerFile } from '../support/cloudPerFile';
import { createGroup, type Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

describe('hubs', () => {
  test('a hub invites a group of its street, the group accepts, and the hub lists it', async () => {
    const hubLeader = await Client.signIn(cloud.url, 'hub-leader');
    const groupLeader = await Client.signIn(cloud.url, 'hub-member-leader');
    const hubId = await createGroup(db, { type: 'hub', managementLevel: 'filed', communityId: null, streetId: 'st-chengguan', leader: 'hub-leader' });
    const groupId = await createGroup(db, { leader: 'hub-member-leader' });
    const rural = await createGroup(db, { communityId: 'cm-taoyuan', leader: 'hub-rural-leader' });
    expect((await hubLeader.call('hubs', 'hubs.invite', { hubId, groupId: rural })).status).toBe(409);
    const link = await data<HubLinkView>(hubLeader.call('hubs', 'hubs.invite', { hubId, groupId }));
    expect(link.status).toBe('invited');
    const waiting = await data<{ items: HubLinkView[] }>(groupLeader.call('hubs', 'hubs.invitations', { groupId }, null));
    expect(waiting.items.map((i) => i.id)).toEqual([link.id]);
    expect((await hubLeader.call('hubs', 'hubs.respond', { linkId: link.id, accept: true })).status).toBe(404);
    expect((await data<HubLinkView>(groupLeader.call('hubs', 'hubs.respond', { linkId: link.id, accept: true }))).status).toBe('linked');
    const members = await data<{ items: Array<{ group: { id: string }; activityCount: number }> }>(hubLeader.call('hubs', 'hubs.members', { hubId }, null));
    expect(members.items).toEqual([expect.objectContaining({ group: expect.objectContaining({ id: groupId }), activityCount: 0 })]);
    expect((await data<GroupDetail>(groupLeader.call('groups', 'groups.get', { groupId }, null))).hub).toMatchObject({ id: hubId });
  });
});
