/** groups.* and memberships.* over HTTP: discovery, a group's page, joining, leaving, and who sees what. */
import type { GroupCard, GroupDetail, MembershipsMineOutput } from '../../src/shared/schemas/groups';
import { snapshotDatabase } from '../support/dbSnapshot';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

let cloud: RunningCloud;
beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

type List = { items: GroupCard[]; total: number; hasMore: boolean };
const ids = (list: List) => list.items.map((g) => g.id).sort();

async function signIn(openid: string, homeCommunityId = 'cm-beiyuan') {
  const client = await Client.signIn(cloud.url, openid);
  await client.call('account', 'account.updateProfile', { homeCommunityId });
  return client;
}

const data = dataOf;

describe('groups.list', () => {
  test('nearby (default) lists the active groups of every community of my street, and the street hub', async () => {
    const resident = await Client.signIn(cloud.url, 'demo-resident');
    const list = await data<List>(resident.call('groups', 'groups.list', {}, null));
    expect(ids(list)).toEqual(
      ['g-beiyuan-huzhu', 'g-beiyuan-taiji', 'g-beiyuan-xunluo', 'g-chengguan-hub', 'g-dongmen-cishan', 'g-dongmen-wudao', 'g-nanhu-dushu', 'g-nanhu-zhulao'].sort(),
    );
    expect(list.total).toBe(8);
    // Most members first.
    expect(list.items[0]!.id).toBe('g-beiyuan-taiji');
    expect(list.items[0]).toMatchObject({ name: '北苑晨练太极队', type: 'culture_sports', managementLevel: 'community', regionName: '北苑社区', memberCount: 4, joinPolicy: 'open', myMembership: null });
  });

  test('my community only, by type, by search text; a pending group is never listed', async () => {
    const resident = await Client.signIn(cloud.url, 'demo-resident');
    expect(ids(await data<List>(resident.call('groups', 'groups.list', { area: 'community' }, null)))).toEqual(['g-beiyuan-huzhu', 'g-beiyuan-taiji', 'g-beiyuan-xunluo']);
    expect(ids(await data<List>(resident.call('groups', 'groups.list', { type: 'safety' }, null)))).toEqual(['g-beiyuan-xunluo']);
    expect(ids(await data<List>(resident.call('groups', 'groups.list', { q: '太极' }, null)))).toEqual(['g-beiyuan-taiji']);
    expect(ids(await data<List>(resident.call('groups', 'groups.list', { q: '陪诊' }, null)))).toEqual(['g-beiyuan-huzhu']);
    expect(ids(await data<List>(resident.call('groups', 'groups.list', { q: '.*' }, null)))).toEqual([]);
    expect(ids(await data<List>(resident.call('groups', 'groups.list', { q: '园艺' }, null)))).toEqual([]);
  });

  test('another community can be browsed; rural villages see their township', async () => {
    const resident = await Client.signIn(cloud.url, 'demo-resident');
    const rural = await data<List>(resident.call('groups', 'groups.list', { communityId: 'cm-taoyuan' }, null));
    expect(ids(rural)).toEqual(['g-shiqiao-pingan', 'g-taoyuan-guoshu', 'g-taoyuan-hub', 'g-xinghua-zhiyuan']);
  });

  test('pages with hasMore until the end', async () => {
    const resident = await Client.signIn(cloud.url, 'demo-resident');
    const first = await data<List>(resident.call('groups', 'groups.list', { limit: 3 }, null));
    const second = await data<List>(resident.call('groups', 'groups.list', { limit: 3, offset: 3 }, null));
    const third = await data<List>(resident.call('groups', 'groups.list', { limit: 3, offset: 6 }, null));
    expect([first.hasMore, second.hasMore, third.hasMore]).toEqual([true, true, false]);
    expect(new Set([...ids(first), ...ids(second), ...ids(third)]).size).toBe(8);
  });

  test('a user without a home community is asked to choose one; a street is not a community', async () => {
    const newcomer = await Client.signIn(cloud.url, 'list-newcomer');
    const { status, body } = await newcomer.call('groups', 'groups.list', {}, null);
    expect([status, body]).toEqual([400, { ok: false, error: { code: 'INVALID_INPUT', message: 'communityId: 请先选择你所在的社区', reason: 'regions.community_required', issues: [{ path: 'communityId', message: '请先选择你所在的社区' }] } }]);
    const street = await newcomer.call('groups', 'groups.list', { communityId: 'st-chengguan' }, null);
    expect(street.status).toBe(400);
  });
});

describe('groups.get', () => {
  test('shows a group with its leader, numbers and a masked contact to a non-member', async () => {
    const resident = await Client.signIn(cloud.url, 'demo-resident');
    const group = await data<GroupDetail>(resident.call('groups', 'groups.get', { groupId: 'g-beiyuan-huzhu' }, null));
    expect(group).toMatchObject({
      name: '北苑邻里互助会',
      managementLevel: 'filed',
      filingNumber: '城关备字〔2024〕017号',
      registrationNumber: null,
      leader: { nickname: '李队长' },
      contact: { name: '李**', phone: '138****5678', masked: true },
      joinPolicy: 'approval',
      myMembership: null,
      status: 'active',
    });
    expect(group.abilities).toEqual(['groups.view', 'groups.join']);
  });

  test('members see the contact; the leader has edit abilities', async () => {
    const leader = await Client.signIn(cloud.url, 'demo-leader');
    const group = await data<GroupDetail>(leader.call('groups', 'groups.get', { groupId: 'g-beiyuan-huzhu' }, null));
    expect(group.contact).toEqual({ name: '李桂芳', phone: '13812345678', masked: false });
    expect(group.myMembership).toMatchObject({ status: 'active', role: 'leader' });
    expect(group.abilities).toEqual([
      'groups.view',
      'groups.seeContact',
      'groups.edit',
      'groups.manageMembers',
      'groups.transfer',
      'groups.dissolve',
      'members.view',
      'invites.create',
      'posts.create',
      'activities.create',
      'hubs.respond',
    ]);
  });

  test('a pending group is hidden from residents (NOT_FOUND, like a missing one) but not from its committee or leader', async () => {
    const resident = await Client.signIn(cloud.url, 'demo-resident');
    const hidden = await resident.call('groups', 'groups.get', { groupId: 'g-beiyuan-yuanyi' }, null);
    const missing = await resident.call('groups', 'groups.get', { groupId: 'g-does-not-exist' }, null);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    const committee = await Client.signIn(cloud.url, 'demo-committee');
    expect((await committee.call('groups', 'groups.get', { groupId: 'g-beiyuan-yuanyi' }, null)).status).toBe(200);
    const applicant = await Client.signIn(cloud.url, 'seed-neighbour-02');
    expect((await applicant.call('groups', 'groups.get', { groupId: 'g-beiyuan-yuanyi' }, null)).status).toBe(200);
    const street = await Client.signIn(cloud.url, 'demo-street');
    expect((await street.call('groups', 'groups.get', { groupId: 'g-beiyuan-yuanyi' }, null)).status).toBe(200);
  });
});

describe('joining and leaving', () => {
  test('an open group: join, replay, join again, leave — the member count follows', async () => {
    const resident = await signIn('join-open');
    const requestId = resident.nextRequestId();
    const before = await data<GroupDetail>(resident.call('groups', 'groups.get', { groupId: 'g-beiyuan-xunluo' }, null));
    const joined = await resident.call<GroupDetail>('groups', 'groups.join', { groupId: 'g-beiyuan-xunluo' }, requestId);
    expect(joined.status).toBe(200);
    const group = joined.body.ok ? joined.body.data : undefined;
    expect(group).toMatchObject({ memberCount: before.memberCount + 1, myMembership: { status: 'active', role: 'member' }, contact: { masked: false } });
    expect(group!.abilities).toContain('groups.leave');
    expect(await resident.call('groups', 'groups.join', { groupId: 'g-beiyuan-xunluo' }, requestId)).toEqual(joined);
    const again = await resident.call('groups', 'groups.join', { groupId: 'g-beiyuan-xunluo' });
    expect([again.status, again.body]).toEqual([409, { ok: false, error: { code: 'ALREADY_MEMBER', message: '你已经是小组成员', reason: 'groups.already_member' } }]);
    const mine = await data<MembershipsMineOutput>(resident.call('groups', 'memberships.mine', {}, null));
    expect(mine.groups.map((g) => g.id)).toEqual(['g-beiyuan-xunluo']);
    const left = await data<GroupDetail>(resident.call('groups', 'groups.leave', { groupId: 'g-beiyuan-xunluo' }));
    expect(left).toMatchObject({ memberCount: before.memberCount, myMembership: { status: 'left' } });
    expect(left.abilities).toContain('groups.join');
    const notMember = await resident.call('groups', 'groups.leave', { groupId: 'g-beiyuan-xunluo' });
    expect([notMember.status, !notMember.body.ok && notMember.body.error.code]).toEqual([409, 'NOT_MEMBER']);
  });

  test('an approval group: the request is pending, the leader is notified, and it can be withdrawn', async () => {
    const resident = await signIn('join-approval');
    const requested = await data<GroupDetail>(resident.call('groups', 'groups.join', { groupId: 'g-beiyuan-huzhu', message: '我住 3 栋，白天有空' }));
    expect(requested).toMatchObject({ myMembership: { status: 'pending' }, memberCount: 2, contact: { masked: true } });
    expect(requested.abilities).toContain('groups.leave');
    const mine = await data<MembershipsMineOutput>(resident.call('groups', 'memberships.mine', {}, null));
    expect(mine).toMatchObject({ groups: [], requests: [{ id: 'g-beiyuan-huzhu', myMembership: { status: 'pending' } }] });
    const repeat = await resident.call('groups', 'groups.join', { groupId: 'g-beiyuan-huzhu' });
    expect(!repeat.body.ok && repeat.body.error).toEqual({ code: 'ALREADY_MEMBER', message: '已提交申请，请等待队长审核', reason: 'groups.application_pending' });
    const withdrawn = await data<GroupDetail>(resident.call('groups', 'groups.leave', { groupId: 'g-beiyuan-huzhu' }));
    expect(withdrawn).toMatchObject({ myMembership: { status: 'left' }, memberCount: 2 });
    expect(snapshotDatabase(cloud.dataDir)).toMatch(/c_inbox:.*join-request-m/);
  });

  test('invite-only and pending groups cannot be joined, and nothing is written', async () => {
    const resident = await signIn('join-refused');
    const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits']);
    const invite = await resident.call('groups', 'groups.join', { groupId: 'g-dongmen-cishan' });
    expect([invite.status, invite.body]).toEqual([409, { ok: false, error: { code: 'GROUP_NOT_JOINABLE', message: '该小组仅限邀请加入', reason: 'groups.invite_only' } }]);
    const pending = await resident.call('groups', 'groups.join', { groupId: 'g-beiyuan-yuanyi' });
    expect([pending.status, !pending.body.ok && pending.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const missing = await resident.call('groups', 'groups.join', { groupId: 'g-nowhere' });
    expect(missing.status).toBe(404);
    expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits'])).toBe(before);
  });

  test('the leader cannot leave without handing over', async () => {
    const leader = await Client.signIn(cloud.url, 'demo-leader');
    const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits']);
    const { status, body } = await leader.call('groups', 'groups.leave', { groupId: 'g-beiyuan-taiji' });
    expect([status, body]).toEqual([409, { ok: false, error: { code: 'CONFLICT', message: '队长需要先把队长身份转交给其他成员，才能退出', reason: 'groups.leader_must_hand_over' } }]);
    expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits'])).toBe(before);
  });

  test('memberships.mine shows only my own groups', async () => {
    const leader = await Client.signIn(cloud.url, 'demo-leader');
    const mine = await data<MembershipsMineOutput>(leader.call('groups', 'memberships.mine', {}, null));
    expect(mine.groups.map((g) => g.id).sort()).toEqual(['g-beiyuan-huzhu', 'g-beiyuan-taiji']);
    const stranger = await Client.signIn(cloud.url, 'mine-stranger');
    expect(await data<MembershipsMineOutput>(stranger.call('groups', 'memberships.mine', {}, null))).toEqual({ groups: [], requests: [] });
  });
});

test('no contact phone number is stored in plaintext anywhere in the database', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const files = readdirSync(cloud.dataDir).filter((f) => f.startsWith('linli.sqlite'));
  const bytes = files.map((f) => readFileSync(join(cloud.dataDir, f)).toString('latin1')).join('');
  for (const phone of ['13812345678', '13900001111', '0571-88001234']) expect(bytes.includes(phone)).toBe(false);
  expect(bytes.includes('pd1:')).toBe(true);
});

describe('concurrency', () => {
  test('40 residents joining and leaving at once leave the member count equal to the active memberships', async () => {
    const residents = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(`crowd-${i}`)));
    const start = await data<GroupDetail>(residents[0]!.call('groups', 'groups.get', { groupId: 'g-nanhu-dushu' }, null));
    const joins = await Promise.all(residents.map((r) => r.call('groups', 'groups.join', { groupId: 'g-nanhu-dushu' })));
    expect(joins.map((j) => j.status)).toEqual(residents.map(() => 200));
    const leavers = residents.filter((_, i) => i % 3 === 0);
    const [afterJoin] = await Promise.all([
      data<GroupDetail>(residents[1]!.call('groups', 'groups.get', { groupId: 'g-nanhu-dushu' }, null)),
    ]);
    expect(afterJoin.memberCount).toBe(start.memberCount + 40);
    const outcomes = await Promise.all([
      ...leavers.map((r) => r.call('groups', 'groups.leave', { groupId: 'g-nanhu-dushu' })),
      ...leavers.map((r) => r.call('groups', 'groups.join', { groupId: 'g-nanhu-dushu' })),
    ]);
    expect(outcomes.every((o) => o.status === 200 || o.status === 409)).toBe(true);
    const mineCounts = await Promise.all(residents.map(async (r) => (await data<MembershipsMineOutput>(r.call('groups', 'memberships.mine', {}, null))).groups.length));
    const active = mineCounts.reduce((a, b) => a + b, 0);
    const end = await data<GroupDetail>(residents[1]!.call('groups', 'groups.get', { groupId: 'g-nanhu-dushu' }, null));
    expect(end.memberCount).toBe(start.memberCount + active);
  });
});
