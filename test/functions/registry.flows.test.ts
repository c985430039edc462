/** Registry flows over HTTP: founding and the three review paths, hubs, posts, invites, dissolving. */
import type { ApplicationView, GroupDetail, MembershipsMineOutput } from '../../src/shared/schemas/groups';
import type { HubLinkView } from '../../src/shared/schemas/hubs';
import type { InviteView, MemberView } from '../../src/shared/schemas/members';
import type { PostView } from '../../src/shared/schemas/posts';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';
import { waitFor } from '../support/wechat';

let cloud: RunningCloud;
let db: Db;
beforeAll(async () => {
  cloud = await startCloud();
  db = databaseOf(cloud);
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

const data = dataOf;

const application = (overrides: Record<string, unknown> = {}) => ({
  name: '北苑棋牌协会',
  type: 'culture_sports',
  managementLevel: 'community',
  communityId: 'cm-beiyuan',
  description: '象棋、围棋、掼蛋，每周二周四下午在活动室切磋。',
  tags: ['棋牌'],
  contactName: '钱大伯',
  contactPhone: '13912345678',
  joinPolicy: 'open',
  ...overrides,
});

describe('founding a group', () => {
  test('community-managed: the committee approves and the applicant becomes leader', async () => {
    const applicant = await Client.signIn(cloud.url, 'founder-a');
    const applied = await data<GroupDetail>(applicant.call('groups', 'groups.found', application()));
    expect(applied).toMatchObject({ status: 'pending', memberCount: 0, review: { reviewedAt: null, reason: null }, registrationNumber: null });
    // Not public while pending.
    const stranger = await Client.signIn(cloud.url, 'founder-stranger');
    expect((await stranger.call('groups', 'groups.get', { groupId: applied.id }, null)).status).toBe(404);
    // In the right reviewer's queue only.
    const committee = await Client.signIn(cloud.url, 'demo-committee');
    const street = await Client.signIn(cloud.url, 'demo-street');
    const queue = await data<{ items: ApplicationView[] }>(committee.call('groups', 'groups.reviewQueue', {}, null));
    expect(queue.items.map((i) => i.group.id)).toContain(applied.id);
    expect(queue.items.find((i) => i.group.id === applied.id)).toMatchObject({ reviewerLevel: 'committee', applicant: { nickname: '新居民' } });
    expect((await data<{ items: ApplicationView[] }>(street.call('groups', 'groups.reviewQueue', {}, null))).items.map((i) => i.group.id)).not.toContain(applied.id);
    const approved = await data<GroupDetail>(committee.call('groups', 'groups.review', { groupId: applied.id, decision: 'approve' }));
    expect(approved).toMatchObject({ status: 'active', memberCount: 1 });
    const asLeader = await data<GroupDetail>(applicant.call('groups', 'groups.get', { groupId: applied.id }, null));
    expect(asLeader.myMembership).toMatchObject({ status: 'active', role: 'leader' });
    expect(asLeader.abilities).toContain('posts.create');
    expect(snapshotDatabase(cloud.dataDir)).toMatch(/c_audit_log:[^\n]*a-/);
  });

  test('filed: only the street approves, and must record the filing number', async () => {
    const applicant = await Client.signIn(cloud.url, 'founder-b');
    const applied = await data<GroupDetail>(applicant.call('groups', 'groups.found', application({ name: '北苑老年协会', managementLevel: 'filed' })));
    const committee = await Client.signIn(cloud.url, 'demo-committee');
    expect((await committee.call('groups', 'groups.review', { groupId: applied.id, decision: 'approve', number: 'x1' })).status).toBe(403);
    const street = await Client.signIn(cloud.url, 'demo-street');
    const missing = await street.call('groups', 'groups.review', { groupId: applied.id, decision: 'approve' });
    expect([missing.status, !missing.body.ok && missing.body.error.message]).toEqual([400, 'number: 备案时请填写备案编号']);
    const approved = await data<GroupDetail>(street.call('groups', 'groups.review', { groupId: applied.id, decision: 'approve', number: '城关备字〔2026〕031号' }));
    expect(approved).toMatchObject({ status: 'active', filingNumber: '城关备字〔2026〕031号', registrationNumber: null, managementLevel: 'filed' });
  });

  test('registered: the county approves with the registration number', async () => {
    const applicant = await Client.signIn(cloud.url, 'founder-c');
    const applied = await data<GroupDetail>(applicant.call('groups', 'groups.found', application({ name: '临溪县城关慈善会', type: 'charity', managementLevel: 'registered' })));
    const street = await Client.signIn(cloud.url, 'demo-street');
    expect((await street.call('groups', 'groups.review', { groupId: applied.id, decision: 'approve', number: '街道代批' })).status).toBe(403);
    const county = await Client.signIn(cloud.url, 'demo-county');
    const approved = await data<GroupDetail>(county.call('groups', 'groups.review', { groupId: applied.id, decision: 'approve', number: '临民登字〔2026〕0099号' }));
    expect(approved).toMatchObject({ status: 'active', registrationNumber: '临民登字〔2026〕0099号' });
  });

  test('rejected with a reason: the applicant sees it, resubmits, and is approved', async () => {
    const applicant = await Client.signIn(cloud.url, 'founder-d');
    const applied = await data<GroupDetail>(applicant.call('groups', 'groups.found', application({ name: '北苑跳蚤市场' })));
    const committee = await Client.signIn(cloud.url, 'demo-committee');
    const noReason = await committee.call('groups', 'groups.review', { groupId: applied.id, decision: 'reject' });
    expect([noReason.status, !noReason.body.ok && noReason.body.error.issues]).toEqual([400, [{ path: 'reason', message: '驳回时请说明理由' }]]);
    await data(committee.call('groups', 'groups.review', { groupId: applied.id, decision: 'reject', reason: '请补充活动场地和安全措施' }));
    const mine = await data<{ items: ApplicationView[] }>(applicant.call('groups', 'groups.myApplications', {}, null));
    expect(mine.items[0]).toMatchObject({ status: 'rejected', reason: '请补充活动场地和安全措施' });
    const seen = await data<GroupDetail>(applicant.call('groups', 'groups.get', { groupId: applied.id }, null));
    expect(seen.review).toMatchObject({ reason: '请补充活动场地和安全措施' });
    expect(seen.abilities).toContain('groups.resubmit');
    const resubmitted = await data<GroupDetail>(
      applicant.call('groups', 'groups.resubmit', { groupId: applied.id, ...application({ name: '北苑跳蚤市场', description: '每月第一个周六在北苑广场，物业提供场地，志愿者维持秩序。' }) }),
    );
    expect(resubmitted.status).toBe('pending');
    const again = await applicant.call('groups', 'groups.resubmit', { groupId: applied.id, ...application() });
    expect(again.status).toBe(403);
    expect((await data<GroupDetail>(committee.call('groups', 'groups.review', { groupId: applied.id, decision: 'approve' }))).status).toBe('active');
  });

  test('bad placements and unsafe texts are refused and nothing is written', async () => {
    const applicant = await Client.signIn(cloud.url, 'founder-e');
    const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
    const street = await applicant.call('groups', 'groups.found', application({ communityId: null }));
    expect(!street.body.ok && street.body.error.issues).toEqual([{ path: 'communityId', message: '请选择小组所在的社区' }]);
    const hubAtStreet = await applicant.call('groups', 'groups.found', application({ type: 'hub', communityId: null, streetId: 'st-chengguan' }));
    expect(!hubAtStreet.body.ok && hubAtStreet.body.error.issues).toEqual([{ path: 'managementLevel', message: '街道级枢纽组织需要备案或登记' }]);
    const nowhere = await applicant.call('groups', 'groups.found', application({ communityId: 'cm-atlantis' }));
    expect(!nowhere.body.ok && nowhere.body.error.issues).toEqual([{ path: 'communityId', message: '社区不存在' }]);
    const risky = await applicant.call('groups', 'groups.found', application({ description: '组织大家一起赌博，包赚不赔，快来加入。' }));
    expect([risky.status, !risky.body.ok && risky.body.error.code]).toEqual([400, 'CONTENT_REJECTED']);
    const review = await applicant.call('groups', 'groups.found', application({ description: '免费领取鸡蛋，加群就送，名额有限先到先得。' }));
    expect([review.status, !review.body.ok && review.body.error.code]).toEqual([400, 'CONTENT_REVIEW']);
    const phone = await applicant.call('groups', 'groups.found', application({ contactPhone: '12345' }));
    expect(!phone.body.ok && phone.body.error.issues).toEqual([{ path: 'contactPhone', message: '请输入有效的手机号或座机号' }]);
    expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);
  });
});

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

describe('posts', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  test('leaders post; members see text at once and images only after the check; unsafe text is refused', async () => {
    const leader = await Client.signIn(cloud.url, 'post-leader');
    const member = await Client.signIn(cloud.url, 'post-member');
    const groupId = await createGroup(db, { leader: 'post-leader', members: ['post-member'] });
    const { default: tcb } = await import('@cloudbase/node-sdk');
    const app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${cloud.url}/tcb/admin` });
    const good = (await app.uploadFile({ cloudPath: `posts/${groupId}/a.png`, fileContent: PNG })).fileID!;
    const fake = (await app.uploadFile({ cloudPath: `posts/${groupId}/b.png`, fileContent: Buffer.from('not an image') })).fileID!;

    const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
    const risky = await leader.call('posts', 'posts.create', { groupId, text: '招募刷单兼职，日结' });
    expect([risky.status, risky.body]).toEqual([400, { ok: false, error: { code: 'CONTENT_REJECTED', message: 'text: 内容含有违规信息，无法发布', reason: 'content.rejected', params: { field: 'text' }, issues: [{ path: 'text', message: '内容含有违规信息，无法发布' }] } }]);
    const review = await leader.call('posts', 'posts.create', { groupId, text: '滚蛋吧不守规矩的人' });
    expect([review.status, !review.body.ok && review.body.error.code]).toEqual([400, 'CONTENT_REVIEW']);
    expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);
    expect((await member.call('posts', 'posts.create', { groupId, text: '大家好' })).status).toBe(403);

    const post = await data<PostView>(leader.call('posts', 'posts.create', { groupId, text: '周六上午九点北苑广场集合，带好水杯。', images: [good, fake] }));
    expect(post).toMatchObject({ images: [], imagesPending: 2, author: { nickname: '新居民' } });
    const seenEarly = await data<{ items: PostView[] }>(member.call('posts', 'posts.list', { groupId }, null));
    expect(seenEarly.items[0]).toMatchObject({ text: '周六上午九点北苑广场集合，带好水杯。', images: [], imagesPending: 0 });

    // The timer submits both images to mediaCheckAsync; WeChat pushes the verdicts to the posts
    // function later (here the emulated WeChat, at once), and a later run of the timer applies them.
    const fire = async () => (await fetch(`${cloud.url}/api/dev/timers/posts/checkPendingImages`, { method: 'POST' })).json();
    expect(await fire()).toMatchObject({ ok: true, result: { checked: 2 } });
    expect((await data<{ items: PostView[] }>(leader.call('posts', 'posts.list', { groupId }, null))).items[0]).toMatchObject({ imagesPending: 2 });
    await waitFor(async () => {
      await fire();
      return (await data<{ items: PostView[] }>(leader.call('posts', 'posts.list', { groupId }, null))).items[0]!.imagesPending === 0;
    });
    const seenLater = await data<{ items: PostView[] }>(member.call('posts', 'posts.list', { groupId }, null));
    expect(seenLater.items[0]!.images).toHaveLength(1);
    const image = await fetch(encodeURI(seenLater.items[0]!.images[0]!));
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG);

    expect((await member.call('posts', 'posts.remove', { postId: post.id })).status).toBe(403);
    expect(await data(leader.call('posts', 'posts.remove', { postId: post.id }))).toEqual({ removed: true });
    expect((await data<{ items: PostView[] }>(member.call('posts', 'posts.list', { groupId }, null))).items).toEqual([]);
  });

  test('posting is rate limited', async () => {
    const leader = await Client.signIn(cloud.url, 'post-spammer');
    const groupId = await createGroup(db, { leader: 'post-spammer' });
    const codes: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const { body } = await leader.call('posts', 'posts.create', { groupId, text: `第 ${i} 条通知` });
      codes.push(body.ok ? 'OK' : body.error.code);
    }
    expect(codes).toContain('RATE_LIMITED');
    expect(codes.filter((c) => c === 'OK').length).toBeGreaterThanOrEqual(10);
  });
});

describe('dissolving', () => {
  test('a dissolved group leaves the lists but members keep its page and history', async () => {
    const leader = await Client.signIn(cloud.url, 'dis-leader');
    const member = await Client.signIn(cloud.url, 'dis-member');
    await member.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' });
    const groupId = await createGroup(db, { leader: 'dis-leader', members: ['dis-member'] });
    await data(leader.call('groups', 'groups.dissolve', { groupId, reason: '成员搬迁' }));
    const list = await data<{ items: Array<{ id: string }> }>(member.call('groups', 'groups.list', { area: 'community', limit: 50 }, null));
    expect(list.items.map((g) => g.id)).not.toContain(groupId);
    const page = await data<GroupDetail>(member.call('groups', 'groups.get', { groupId }, null));
    expect(page).toMatchObject({ status: 'dissolved', dissolvedReason: '成员搬迁', memberCount: 2 });
    expect(page.abilities).not.toContain('groups.join');
    const outsider = await Client.signIn(cloud.url, 'dis-outsider');
    expect((await outsider.call('groups', 'groups.get', { groupId }, null)).status).toBe(404);
  });
});
