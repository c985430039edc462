/** The groups function's registry flows over HTTP: founding a group and the three review paths, and dissolving. Moved out of registry.flows (issue 17). */
import type { ApplicationView, GroupDetail } from '../../src/shared/schemas/groups';
import { cloudPerFile } from '../support/cloudPerFile';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createGroup, type Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

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
