/**
 * Who sees what of a need, and who may move it (issue 18 item 7, privacy): the address and phone
 * reach only the resident, her proxy, whoever took the need on and the committee — never a
 * neighbour, a plain group member, another volunteer, or anyone of another community, to whom
 * the need (and every action on it) does not exist. Refusals write nothing. Bad input on every
 * action answers a clear message and writes nothing.
 */
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import type { NeedView } from '../../src/shared/schemas/needs';
import { cloudPerFile } from '../support/cloudPerFile';
import { snapshotDatabase } from '../support/dbSnapshot';
import { allDocsOf, grantRole, type Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';
import { chinaToday, helpingGroup, needInput, postNeed, uploadPhoto, volunteerOf } from '../support/needs';
import { residentOf } from '../support/volunteers';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

const PLACE = '北苑小区 3 栋 2 单元 501';
const PHONE = '13900001111';
/** What a refused call may still write: its caller's request marks and rate counters. */
const BOOKKEEPING = ['idempotency', 'rate_limits', 'users'];

interface Cast {
  needId: string;
  /** A need the resident addressed to the volunteer from her time-bank offer (请TA帮忙). */
  addressedId: string;
  groupId: string;
  people: Record<string, Client>;
}

let cast: Cast;

beforeAll(async () => {
  const resident = await residentOf(cloud.url, 'ndx-resident');
  const proxy = await residentOf(cloud.url, 'ndx-proxy', 'cm-taoyuan');
  // An active proxy consent between them, as signups' proxies.accept writes it (the one proxy model).
  await db.collection('proxies').doc('ndx-consent').set({ proxyUserId: userIdOf('ndx-proxy'), elderUserId: userIdOf('ndx-resident'), relation: 'family', status: 'active', codeHash: 'x', expiresAt: new Date(), createdAt: new Date(), consentedAt: new Date() });
  const { groupId, leader } = await helpingGroup(cloud, db, 'ndx-leader', ['ndx-member']);
  const member = await Client.signIn(cloud.url, 'ndx-member');
  const volunteer = await volunteerOf(cloud, 'ndx-volunteer');
  const neighbour = await residentOf(cloud.url, 'ndx-neighbour');
  const committee = await residentOf(cloud.url, 'ndx-committee');
  await grantRole(db, 'ndx-committee', 'committee', 'cm-beiyuan');
  const otherCommittee = await residentOf(cloud.url, 'ndx-other-committee', 'cm-taoyuan');
  await grantRole(db, 'ndx-other-committee', 'committee', 'cm-taoyuan');
  const stranger = await volunteerOf(cloud, 'ndx-stranger', 'cm-taoyuan');
  const { groupId: otherGroupId, leader: otherLeader } = await helpingGroup(cloud, db, 'ndx-other-leader', [], 'cm-taoyuan');

  const need = await postNeed(resident);
  await data(leader.call('needs', 'needs.claim', { needId: need.id, groupId }));
  await db.collection('community_settings').doc('cm-beiyuan').set({ timeBank: true, updatedBy: 'test', updatedAt: new Date() });
  const offer = await data<{ id: string }>(volunteer.call('needs', 'needs.offerPost', { what: '周末可以陪老人聊天散步', category: 'companionship' }));
  const addressed = await postNeed(resident, { offerId: offer.id, category: 'companionship', what: '想请您周末陪我散散步' });
  cast = { needId: need.id, addressedId: addressed.id, groupId, people: { resident, proxy, leader, member, volunteer, neighbour, committee, otherCommittee, stranger, otherLeader } };
  expect(otherGroupId).toBeTruthy();
});

test.each([
  ['resident', 'private'],
  ['proxy', 'private'],
  ['leader', 'private'],
  ['committee', 'private'],
  ['member', 'public'],
  ['volunteer', 'public'],
  ['neighbour', 'public'],
  ['otherCommittee', 'hidden'],
  ['stranger', 'hidden'],
  ['otherLeader', 'hidden'],
] as const)('needs.get by %s: %s', async (who, sees) => {
  const result = await cast.people[who]!.call('needs', 'needs.get', { needId: cast.needId }, null);
  const text = JSON.stringify(result.body);
  if (sees === 'hidden') {
    expect([result.status, result.body]).toEqual([404, { ok: false, error: { code: 'NOT_FOUND', message: '需求不存在', reason: 'needs.not_found' } }]);
    return;
  }
  expect(result.status).toBe(200);
  const view = (result.body as { ok: true; data: NeedView }).data;
  if (sees === 'private') expect(view).toMatchObject({ place: PLACE, phone: PHONE });
  else {
    expect(view).toMatchObject({ place: null, phone: null, location: null });
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain('3 栋 2 单元');
  }
});

// An addressed need: the resident's side and the neighbour asked (the volunteer, before she takes
// it on: no address yet); the committee keeps seeing it; to everyone else it does not exist.
test.each([
  ['resident', 'private'],
  ['proxy', 'private'],
  ['committee', 'private'],
  ['volunteer', 'public'],
  ['leader', 'hidden'],
  ['member', 'hidden'],
  ['neighbour', 'hidden'],
  ['otherCommittee', 'hidden'],
  ['stranger', 'hidden'],
  ['otherLeader', 'hidden'],
] as const)('needs.get of an addressed need by %s: %s', async (who, sees) => {
  const result = await cast.people[who]!.call('needs', 'needs.get', { needId: cast.addressedId }, null);
  if (sees === 'hidden') {
    expect([result.status, result.body]).toEqual([404, { ok: false, error: { code: 'NOT_FOUND', message: '需求不存在', reason: 'needs.not_found' } }]);
    return;
  }
  expect(result.status).toBe(200);
  const view = (result.body as { ok: true; data: NeedView }).data;
  expect(view.addressedTo).not.toBeNull();
  if (sees === 'private') expect(view).toMatchObject({ place: PLACE, phone: PHONE });
  else expect(view).toMatchObject({ place: null, phone: null, abilities: ['needs.view', 'needs.claim', 'needs.declineAddressed'] });
});

test('an addressed need is on no board and nobody else claims or declines it; nothing changes', async () => {
  for (const who of ['neighbour', 'member', 'leader', 'committee'] as const) {
    const board = await data<{ items: NeedView[] }>(cast.people[who]!.call('needs', 'needs.list', { communityId: 'cm-beiyuan' }, null));
    expect([who, board.items.map((n) => n.id).includes(cast.addressedId)]).toEqual([who, false]);
  }
  const before = snapshotDatabase(cloud.dataDir, BOOKKEEPING);
  const needId = cast.addressedId;
  for (const who of ['leader', 'member', 'neighbour', 'otherLeader', 'stranger'] as const) {
    expect([who, (await cast.people[who]!.call('needs', 'needs.claim', { needId })).status]).toEqual([who, 404]);
    expect([who, (await cast.people[who]!.call('needs', 'needs.declineAddressed', { needId })).status]).toEqual([who, 404]);
  }
  expect((await cast.people.leader!.call('needs', 'needs.claim', { needId, groupId: cast.groupId })).status).toBe(404);
  // The committee sees it but takes it on for nobody, and the resident's side cannot decline for the neighbour.
  expect((await cast.people.committee!.call('needs', 'needs.claim', { needId })).status).toBe(403);
  for (const who of ['resident', 'proxy', 'committee'] as const) expect([who, (await cast.people[who]!.call('needs', 'needs.declineAddressed', { needId })).status]).toEqual([who, 403]);
  expect(snapshotDatabase(cloud.dataDir, BOOKKEEPING)).toBe(before);
});

test("the board never carries the address or phone, and another community's board does not exist", async () => {
  for (const who of ['neighbour', 'member', 'volunteer'] as const) {
    const board = await cast.people[who]!.call('needs', 'needs.list', { communityId: 'cm-beiyuan' }, null);
    expect(board.status).toBe(200);
    expect(JSON.stringify(board.body)).not.toContain(PHONE);
  }
  for (const who of ['stranger', 'otherCommittee'] as const) {
    expect((await cast.people[who]!.call('needs', 'needs.list', { communityId: 'cm-beiyuan' }, null)).status).toBe(404);
    expect((await cast.people[who]!.call('needs', 'needs.queue', { communityId: 'cm-beiyuan' }, null)).status).toBe(404);
  }
  // The queue is a staff action: to a resident it answers as if it did not exist.
  expect((await cast.people.neighbour!.call('needs', 'needs.queue', { communityId: 'cm-beiyuan' }, null)).status).toBe(404);
});

test("every action on another community's need answers NOT_FOUND and changes nothing (IDOR)", async () => {
  const photo = await uploadPhoto(cloud, 'ndx-idor');
  const before = snapshotDatabase(cloud.dataDir, BOOKKEEPING);
  const needId = cast.needId;
  const attempts: Array<[string, unknown]> = [
    ['needs.get', { needId }],
    ['needs.claim', { needId }],
    ['needs.confirm', { needId, accept: true }],
    ['needs.confirm', { needId, accept: false }],
    ['needs.done', { needId, photo, helpers: [{ userId: userIdOf('ndx-stranger'), minutes: 60 }] }],
    ['needs.thank', { needId, rating: 5 }],
    ['needs.withdraw', { needId }],
  ];
  for (const who of ['stranger', 'otherCommittee', 'otherLeader'] as const) {
    for (const [action, input] of attempts) {
      const result = await cast.people[who]!.call('needs', action, input);
      expect([who, action, result.status]).toEqual([who, action, 404]);
    }
  }
  const otherGroup = (await allDocsOf<{ _id: string }>(db, 'groups', { leaderId: userIdOf('ndx-other-leader') }))[0]!._id;
  expect((await cast.people.otherLeader!.call('needs', 'needs.claim', { needId, groupId: otherGroup })).status).toBe(404);
  expect(snapshotDatabase(cloud.dataDir, BOOKKEEPING)).toBe(before);
});

test('within the community, each move is refused to whoever may not make it, and nothing changes', async () => {
  const photo = await uploadPhoto(cloud, 'ndx-moves');
  const before = snapshotDatabase(cloud.dataDir, [...BOOKKEEPING, 'media_checks']);
  const needId = cast.needId;
  const { member, volunteer, neighbour, leader, resident } = cast.people;
  // Claimed already: nobody claims it again.
  expect((await volunteer!.call('needs', 'needs.claim', { needId })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'needs.not_claimable' } });
  // Only the resident's side confirms or withdraws.
  for (const who of [member!, volunteer!, neighbour!, leader!]) {
    expect((await who.call('needs', 'needs.confirm', { needId, accept: true })).status).toBe(403);
    expect((await who.call('needs', 'needs.withdraw', { needId })).status).toBe(403);
  }
  // Not accepted yet: the leader cannot mark it done; others never can.
  expect((await leader!.call('needs', 'needs.done', { needId, photo, helpers: [{ userId: userIdOf('ndx-member'), minutes: 30 }] })).status).toBe(409);
  expect((await member!.call('needs', 'needs.done', { needId, photo, helpers: [{ userId: userIdOf('ndx-member'), minutes: 30 }] })).status).toBe(403);
  expect((await resident!.call('needs', 'needs.thank', { needId, rating: 5 })).status).toBe(409);
  // Posting for someone without her consent.
  const refused = await neighbour!.call('needs', 'needs.post', needInput({ forUserId: userIdOf('ndx-resident') }));
  expect([refused.status, refused.body]).toMatchObject([403, { ok: false, error: { code: 'FORBIDDEN', reason: 'needs.not_acting_for' } }]);
  expect(snapshotDatabase(cloud.dataDir, [...BOOKKEEPING, 'media_checks'])).toBe(before);
});

test('a proxy posts for the resident she acts for, and the need is hers', async () => {
  const posted = await data<NeedView>(cast.people.proxy!.call('needs', 'needs.post', needInput({ forUserId: userIdOf('ndx-resident'), what: '替妈妈发：想找人帮忙换灯泡' })));
  expect(posted).toMatchObject({ postedForResident: true, place: PLACE, abilities: expect.arrayContaining(['needs.withdraw']) });
  const [stored] = await allDocsOf<{ userId: string; postedBy: string; communityId: string }>(db, 'needs', { _id: posted.id });
  expect(stored).toMatchObject({ userId: userIdOf('ndx-resident'), postedBy: userIdOf('ndx-proxy'), communityId: 'cm-beiyuan' });
  const mine = await data<{ items: NeedView[] }>(cast.people.resident!.call('needs', 'needs.mine', {}, null));
  expect(mine.items.map((n) => n.id)).toContain(posted.id);
});

test('bad input on every action: a clear message, and nothing written', async () => {
  const resident = cast.people.resident!;
  const before = snapshotDatabase(cloud.dataDir, BOOKKEEPING);
  const yesterday = new Date(Date.now() + 8 * 3600_000 - 24 * 3600_000).toISOString().slice(0, 10);
  const cases: Array<[string, unknown, string]> = [
    ['needs.post', needInput({ what: '短' }), 'what: 至少 4 个字'],
    ['needs.post', needInput({ category: 'lottery' }), 'category'],
    ['needs.post', needInput({ phone: '12345' }), 'phone: 请输入 11 位手机号'],
    ['needs.post', needInput({ whenTo: '2000-01-01' }), 'whenTo: 结束日期不能早于开始日期'],
    ['needs.post', needInput({ whenFrom: yesterday }), 'whenFrom: 时间不能早于今天'],
    ['needs.post', needInput({ whenTo: '2999-01-01' }), 'whenTo: 时间范围不能超过 31 天'],
    ['needs.post', needInput({ place: { $gt: '' } }), 'place'],
    ['needs.post', needInput({ what: '帮忙\u0000买药送到家' }), 'what: 包含不允许的控制字符'],
    ['needs.post', needInput({ what: '招募刷单兼职，日结' }), 'what: 内容含有违规信息，无法发布'],
    ['needs.list', { category: 'lottery' }, 'category'],
    ['needs.get', { needId: '../x' }, 'needId: 格式不正确'],
    ['needs.claim', { needId: cast.needId, groupId: { $ne: null } }, 'groupId'],
    ['needs.confirm', { needId: cast.needId, accept: 'yes' }, 'accept'],
    ['needs.done', { needId: cast.needId, photo: 'cloud://x/y.png', helpers: [] }, 'helpers: 请至少填写一位服务者'],
    ['needs.done', { needId: cast.needId, photo: 'cloud://x/y.png', helpers: [{ userId: 'u1', minutes: 5 }] }, 'helpers.0.minutes: 至少 10 分钟'],
    ['needs.done', { needId: cast.needId, photo: 'cloud://x/y.png', helpers: [{ userId: 'u1', minutes: 30 }, { userId: 'u1', minutes: 30 }] }, 'helpers: 服务者不能重复'],
    ['needs.thank', { needId: cast.needId, rating: 6 }, 'rating: 评分为 1–5 分'],
    ['needs.withdraw', {}, 'needId'],
    ['needs.post', needInput({ offerId: { $gt: '' } }), 'offerId'],
    ['needs.post', needInput({ offerId: '../x' }), 'offerId: 格式不正确'],
    ['needs.declineAddressed', { needId: cast.needId, extra: 1 }, ''],
    ['needs.declineAddressed', { needId: '' }, 'needId'],
    ['needs.mine', { limit: 500 }, 'limit'],
    ['needs.queue', {}, 'communityId'],
    ['needs.offerPost', { what: '能帮忙', category: 'errands' }, 'what: 至少 4 个字'],
    ['needs.offers', { category: 1 }, 'category'],
    ['needs.offerWithdraw', { offerId: '' }, 'offerId'],
  ];
  for (const [action, input, message] of cases) {
    const result = await resident.call('needs', action, input);
    expect([action, result.status]).toEqual([action, 400]);
    expect([action, (result.body as { ok: false; error: { message: string } }).error.message]).toEqual([action, expect.stringContaining(message)]);
  }
  expect(snapshotDatabase(cloud.dataDir, BOOKKEEPING)).toBe(before);
  expect(chinaToday() > yesterday).toBe(true);
});
