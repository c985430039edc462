/** The members function over HTTP: join requests decided, co-leaders, removal and bans, handing over leadership, invite links, and ids of another group refused. */
import type { GroupDetail, MembershipsMineOutput } from '../../src/shared/schemas/groups';
import type { InviteView, MemberView } from '../../src/shared/schemas/members';
import { cloudPerFile } from '../support/cloudPerFile';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createGroup, type Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

describe('membership management', () => {
  test('requests approved and rejected, co-leaders, removal, ban, and handing over leadership', async () => {
    const leader = await Client.signIn(cloud.url, 'mm-leader');
    const groupId = await createGroup(db, { leader: 'mm-leader', members: ['mm-member'] });
    const alice = await Client.signIn(cloud.url, 'mm-alice');
    const bob = await Client.signIn(cloud.url, 'mm-bob');
    await data(alice.call('groups', 'groups.join', { groupId, message: '我会下象棋' }));
    await data(bob.call('groups', 'groups.join', { groupId }));
    const requests = await data<{ items: Array<{ userId: string; message: string | null }> }>(leader.call('members', 'members.requests', { groupId }, null));
    expect(requests.items.map((r) => r.message)).toEqual(['我会下象棋', null]);
    const [aliceId, bobId] = requests.items.map((r) => r.userId);
    expect(await data(leader.call('members', 'members.decide', { groupId, userId: aliceId, decision: 'approve' }))).toMatchObject({ memberCount: 3 });
    expect(await data(leader.call('members', 'members.decide', { groupId, userId: bobId, decision: 'reject', reason: '暂不招新' }))).toMatchObject({ member: null, memberCount: 3 });
    const bobMine = await data<MembershipsMineOutput>(bob.call('groups', 'memberships.mine', {}, null));
    expect(bobMine.requests[0]).toMatchObject({ id: groupId, myMembership: { status: 'rejected' } });
    // A co-leader can remove members but not other co-leaders.
    await data(leader.call('members', 'members.setRole', { groupId, userId: aliceId, role: 'co_leader' }));
    const members = await data<{ items: MemberView[] }>(alice.call('members', 'members.list', { groupId }, null));
    expect(members.items.map((m) => m.role)).toEqual(['leader', 'co_leader', 'member']);
    const memberId = members.items[2]!.userId;
    const leaderId = members.items[0]!.userId;
    expect((await alice.call('members', 'members.remove', { groupId, userId: leaderId, reason: '试试看' })).status).toBe(403);
    expect(await data(alice.call('members', 'members.remove', { groupId, userId: memberId, reason: '发广告', ban: true }))).toEqual({ member: null, memberCount: 2 });
    const banned = await Client.signIn(cloud.url, 'mm-member');
    const rejoin = await banned.call('groups', 'groups.join', { groupId });
    expect([rejoin.status, !rejoin.body.ok && rejoin.body.error.code]).toEqual([403, 'FORBIDDEN']);
    // Hand over: the new leader leads, the old one stays as co-leader.
    await data(leader.call('groups', 'groups.transferLeadership', { groupId, userId: aliceId }));
    const after = await data<GroupDetail>(leader.call('groups', 'groups.get', { groupId }, null));
    expect(after.myMembership).toMatchObject({ role: 'co_leader' });
    expect(after.leader).toMatchObject({ nickname: '新居民' });
    expect((await data<GroupDetail>(leader.call('groups', 'groups.leave', { groupId }))).myMembership).toMatchObject({ status: 'left' });
  });

  test('an invite link lets a resident into an invite-only group until it expires', async () => {
    const leader = await Client.signIn(cloud.url, 'inv-leader');
    const groupId = await createGroup(db, { leader: 'inv-leader', joinPolicy: 'invite' });
    const invite = await data<InviteView>(leader.call('members', 'invites.create', { groupId, expiresInHours: 1 }));
    expect(invite.path).toBe(`pages/group/index?id=${groupId}&invite=${invite.token}`);
    const guest = await Client.signIn(cloud.url, 'inv-guest');
    expect((await guest.call('groups', 'groups.join', { groupId })).status).toBe(409);
    const joined = await data<GroupDetail>(guest.call('groups', 'groups.joinByInvite', { token: invite.token }));
    expect(joined).toMatchObject({ myMembership: { status: 'active' }, memberCount: 2 });
    const forged = await guest.call('groups', 'groups.joinByInvite', { token: 'A'.repeat(24) });
    expect([forged.status, !forged.body.ok && forged.body.error.message]).toEqual([404, '邀请链接无效或已过期']);
    await db.collection('invites').where({ groupId }).update({ expiresAt: new Date(Date.now() - 1000) });
    const late = await Client.signIn(cloud.url, 'inv-late');
    expect((await late.call('groups', 'groups.joinByInvite', { token: invite.token })).status).toBe(404);
  });

  test('ids of another group do not work here (IDOR)', async () => {
    const leader = await Client.signIn(cloud.url, 'idor-leader');
    const mine = await createGroup(db, { leader: 'idor-leader' });
    const theirs = await createGroup(db, { leader: 'idor-other', pending: ['idor-applicant'], members: ['idor-member'] });
    const applicant = await Client.signIn(cloud.url, 'idor-applicant');
    const applicantId = (await data<{ account: { id: string } }>(applicant.call('account', 'account.me', {}, null))).account.id;
    const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
    // Their request is not a request to my group.
    expect((await leader.call('members', 'members.decide', { groupId: mine, userId: applicantId, decision: 'approve' })).status).toBe(404);
    // My leadership gives nothing in their group.
    expect((await leader.call('members', 'members.decide', { groupId: theirs, userId: applicantId, decision: 'approve' })).status).toBe(403);
    expect((await leader.call('members', 'members.list', { groupId: theirs }, null)).status).toBe(403);
    expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);
  });
});
