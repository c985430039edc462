/**
 * Residents without a smartphone, over HTTP (issue 18 items 3, 4 and 7): a grid worker registers
 * her with witnessed consent; her proxy signs her up, checks her in, confirms her offer and
 * cancels; her notices reach him (为 X); every act is in her 代办记录, which she reads once she
 * claims her account; a withdrawn consent refuses the next act at once; who may do what (IDOR);
 * skills and age rules at sign-up; bad input changes nothing.
 */
import { activityInput, inHours } from '../support/activityInput';
import { cloudPerFile } from '../support/cloudPerFile';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createGroup, grantRole, type Db } from '../support/fixtures';
import { SeededRandom } from '../support/seededRandom';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

const BOOKKEEPING = ['idempotency', 'rate_limits'];
const idOf = async (client: Client) => (await data<{ account: { id: string } }>(client.call('account', 'account.me', {}, null))).account.id;
const messageOf = (r: { status: number; body: { ok: boolean; error?: { message: string } } }) => [r.status, r.body.ok ? null : r.body.error!.message];

/** A committee member of 北苑 who grants a grid worker there, the way every role is granted (roles.grant). */
async function gridWorker(prefix: string): Promise<{ grid: Client; gridId: string; committee: Client }> {
  await Client.signIn(cloud.url, `${prefix}-committee`);
  await grantRole(db, `${prefix}-committee`, 'committee', 'cm-beiyuan');
  const committee = await Client.signIn(cloud.url, `${prefix}-committee`);
  const grid = await Client.signIn(cloud.url, `${prefix}-grid`, '网格员小李');
  const gridId = await idOf(grid);
  await data(committee.call('roles', 'roles.grant', { userId: gridId, role: 'grid', regionId: 'cm-beiyuan' }));
  return { grid: await Client.signIn(cloud.url, `${prefix}-grid`), gridId, committee };
}

async function registerResident(by: Client, extra: Record<string, unknown> = {}) {
  return data<{ residentUserId: string; consentId: string }>(
    by.call('signups', 'proxies.createResident', { nickname: '刘奶奶', homeCommunityId: 'cm-beiyuan', relation: 'grid_worker', witness: { form: 'paper', ref: 'BY-2026-001' }, ...extra }),
  );
}

test('the whole journey: registered with witnessed consent, signed up, offered, confirmed, checked in; notices and records reach the right people; she claims her account', async () => {
  const { grid } = await gridWorker('pj');
  const daughter = await Client.signIn(cloud.url, 'pj-daughter', '小芳');
  const daughterId = await idOf(daughter);
  const { residentUserId } = await registerResident(grid, { proxyUserId: daughterId, relation: 'family', birthYear: 1948, witness: { form: 'photo', ref: 'cloud://env/consent/pj.jpg' } });
  // The grid worker witnessed it; her daughter is her proxy.
  const stored = (await db.collection('users').doc(residentUserId).get()).data[0] as { hasOwnAccount: boolean; openid: string; birthYear: number };
  expect(stored).toMatchObject({ hasOwnAccount: false, birthYear: 1948 });
  expect(stored.openid).toBe(`noaccount:${residentUserId}`);
  expect((await data<{ canActFor: Array<{ userId: string; hasOwnAccount: boolean }> }>(daughter.call('signups', 'proxies.list', {}, null))).canActFor).toEqual([expect.objectContaining({ userId: residentUserId, nickname: '刘奶奶', relation: 'family', hasOwnAccount: false })]);

  const leader = await Client.signIn(cloud.url, 'pj-leader');
  const groupId = await createGroup(db, { leader: 'pj-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 1, volunteer: null, startAt: inHours(0.5), endAt: inHours(2) })));
  const activityId = ids[0]!;
  const first = await Client.signIn(cloud.url, 'pj-first');
  await data(first.call('signups', 'signups.create', { activityId }));
  const queued = await data<{ mySignup: { status: string } }>(daughter.call('signups', 'signups.create', { activityId, forUserId: residentUserId }));
  expect(queued.mySignup.status).toBe('waitlisted');

  // A cancellation frees the seat: the offer is hers, told to her proxies in their inboxes ("为 刘奶奶").
  await data(first.call('signups', 'signups.cancel', { activityId }));
  const daughterInbox = await data<{ items: Array<{ kind: string; body: string }> }>(daughter.call('inbox', 'inbox.list', {}, null));
  expect(daughterInbox.items.filter((i) => i.kind === 'seat_offer').map((i) => i.body)).toEqual([expect.stringMatching(/^（为 刘奶奶）/)]);
  // Nobody else's inbox gets it: the grid worker only witnessed.
  expect((await data<{ items: Array<{ kind: string }> }>(grid.call('inbox', 'inbox.list', {}, null))).items.filter((i) => i.kind === 'seat_offer')).toEqual([]);

  // Only a proxy of hers may confirm; her daughter does.
  expect((await first.call('signups', 'signups.confirmOffer', { activityId, forUserId: residentUserId })).status).toBe(404);
  const confirmed = await data<{ mySignup: { status: string } }>(daughter.call('signups', 'signups.confirmOffer', { activityId, forUserId: residentUserId }));
  expect(confirmed.mySignup.status).toBe('confirmed');

  // At the door her daughter checks her in with the leader's rotating code.
  const { code } = await data<{ code: string }>(leader.call('signups', 'checkin.code', { activityId }, null));
  const checkedIn = await data<{ mySignup: { checkedInAt: string | null } }>(daughter.call('signups', 'checkin.scan', { activityId, code, direction: 'in', forUserId: residentUserId }));
  expect(checkedIn.mySignup.checkedInAt).not.toBeNull();

  // Every act is in her 代办记录, readable by her proxies and staff of 北苑, newest first.
  const records = await data<{ items: Array<{ kind: string; proxyNickname: string; activityTitle: string }>; total: number }>(daughter.call('signups', 'proxies.records', { residentUserId }, null));
  expect(records.items.map((r) => [r.kind, r.proxyNickname])).toEqual([
    ['check_in', '小芳'],
    ['confirm_offer', '小芳'],
    ['signup', '小芳'],
  ]);
  expect(records.total).toBe(3);

  // She gets WeChat: her daughter gives her a claim code; her own login becomes her account.
  const { code: claimCode } = await data<{ code: string }>(daughter.call('signups', 'proxies.claimCode', { residentUserId }));
  const herPhone = await Client.signIn(cloud.url, 'pj-grandma-phone', '奶奶的微信');
  expect(await data(herPhone.call('signups', 'proxies.claim', { code: claimCode }))).toEqual({ userId: residentUserId, nickname: '刘奶奶' });
  expect(await idOf(herPhone)).toBe(residentUserId);
  const mine = await data<{ items: Array<{ kind: string }> }>(herPhone.call('signups', 'proxies.records', {}, null));
  expect(mine.items).toHaveLength(3);
  const history = await data<{ resident: { hasOwnAccount: boolean }; items: Array<{ proxyNickname: string; status: string; witness: { byNickname: string; form: string } | null }> }>(herPhone.call('signups', 'proxies.history', {}, null));
  expect(history.resident.hasOwnAccount).toBe(true);
  expect(history.items).toEqual([expect.objectContaining({ proxyNickname: '小芳', status: 'active', witness: { byNickname: '网格员小李', form: 'photo', ref: 'cloud://env/consent/pj.jpg' } })]);
  // Her sign-up is hers now; the code cannot be used twice.
  expect((await data<{ mySignup: { status: string } }>(herPhone.call('activities', 'activities.get', { activityId }, null))).mySignup.status).toBe('confirmed');
  const other = await Client.signIn(cloud.url, 'pj-someone');
  expect(messageOf(await other.call('signups', 'proxies.claim', { code: claimCode }))).toEqual([404, '认领码不正确或已过期']);
  expect(messageOf(await daughter.call('signups', 'proxies.claimCode', { residentUserId }))).toEqual([409, '这位居民已有自己的账号']);

  // She withdraws her daughter's consent: the next act is refused and changes nothing.
  const ended = await data<{ items: Array<{ status: string; endedByNickname: string | null; endReason: string | null }> }>(herPhone.call('signups', 'proxies.withdraw', { residentUserId, proxyUserId: daughterId, reason: '我自己会用手机了' }));
  expect(ended.items[0]).toMatchObject({ status: 'ended', endedByNickname: '刘奶奶', endReason: '我自己会用手机了' });
  const before = snapshotDatabase(cloud.dataDir, BOOKKEEPING);
  expect(messageOf(await daughter.call('signups', 'signups.cancel', { activityId, forUserId: residentUserId }))).toEqual([404, '没有找到授权你代报名的居民']);
  expect(snapshotDatabase(cloud.dataDir, BOOKKEEPING)).toBe(before);
});

test('who may register, read and withdraw: another community\'s staff, an unrelated user, a plain resident (IDOR), and the grid role itself', async () => {
  const { grid } = await gridWorker('pm');
  const { residentUserId, consentId } = await registerResident(grid);
  expect(consentId).toMatch(/^px/);
  await Client.signIn(cloud.url, 'pm-far');
  await grantRole(db, 'pm-far', 'committee', 'cm-taoyuan');
  const far = await Client.signIn(cloud.url, 'pm-far');
  const stranger = await Client.signIn(cloud.url, 'pm-stranger');
  await Client.signIn(cloud.url, 'pm-near');
  await grantRole(db, 'pm-near', 'committee', 'cm-beiyuan');
  const near = await Client.signIn(cloud.url, 'pm-near');

  const before = snapshotDatabase(cloud.dataDir, BOOKKEEPING);
  for (const outsider of [far, stranger]) {
    expect(messageOf(await outsider.call('signups', 'proxies.createResident', { nickname: '王爷爷', homeCommunityId: 'cm-beiyuan', relation: 'neighbour', witness: { form: 'paper', ref: 'X-1' } }))).toEqual([404, 'homeCommunityId: 没有找到这个社区，或你不是这个社区的工作人员或网格员']);
    for (const action of ['proxies.records', 'proxies.history']) expect((await outsider.call('signups', action, { residentUserId }, null)).status).toBe(404);
    expect((await outsider.call('signups', 'proxies.claimCode', { residentUserId })).status).toBe(404);
    expect((await outsider.call('signups', 'proxies.withdraw', { residentUserId, proxyUserId: await idOf(grid), reason: '试试' })).status).toBe(404);
    expect((await outsider.call('signups', 'signups.create', { activityId: 'nope', forUserId: residentUserId })).status).toBe(404);
  }
  // The grid worker's grant opens no console: he is not "staff" to the app.
  expect((await data<{ abilities: string[] }>(grid.call('account', 'account.me', {}, null))).abilities).not.toContain('staff.console');
  // A grid worker cannot be granted on a street.
  const committee = near;
  expect((await committee.call('roles', 'roles.grant', { userId: await idOf(stranger), role: 'grid', regionId: 'st-chengguan' })).status).toBe(403);
  expect(snapshotDatabase(cloud.dataDir, BOOKKEEPING)).toBe(before);

  // Staff of her community read and may withdraw; that is in the audit log.
  const history = await data<{ abilities: string[] }>(near.call('signups', 'proxies.history', { residentUserId }, null));
  expect(history.abilities.sort()).toEqual(['proxies.addConsent', 'proxies.claimCode', 'proxies.withdraw']);
  await data(near.call('signups', 'proxies.withdraw', { residentUserId, proxyUserId: await idOf(grid), reason: '家属要求' }));
  const { data: audit } = await db.collection('audit_log').where({ action: 'proxies.withdraw', targetId: residentUserId }).get();
  expect(audit).toHaveLength(1);
  // The grid worker is her proxy no more: he may not act for her (as 北苑's grid worker he still reads her history).
  expect((await data<{ items: Array<{ status: string }> }>(grid.call('signups', 'proxies.history', { residentUserId }, null))).items.map((i) => i.status)).toEqual(['ended']);
  expect((await grid.call('account', 'account.updateProfile', { forUserId: residentUserId, birthYear: 1950 })).status).toBe(404);

  // Staff record a new consent she signed, witnessed by them (themselves as her proxy); once only; never from outside.
  const added = await data<{ items: Array<{ proxyNickname: string; status: string; witness: { form: string } | null }> }>(
    near.call('signups', 'proxies.addConsent', { residentUserId, relation: 'neighbour', witness: { form: 'paper', ref: 'BY-2' } }),
  );
  expect(added.items.map((i) => i.status).sort()).toEqual(['active', 'ended']);
  expect(messageOf(await near.call('signups', 'proxies.addConsent', { residentUserId, relation: 'neighbour', witness: { form: 'paper', ref: 'BY-3' } }))).toEqual([409, 'proxyUserId: 此人已经是这位居民的代办人']);
  const untouched = snapshotDatabase(cloud.dataDir, BOOKKEEPING);
  for (const outsider of [far, stranger]) expect((await outsider.call('signups', 'proxies.addConsent', { residentUserId, relation: 'family', witness: { form: 'paper', ref: 'X' } })).status).toBe(404);
  expect(snapshotDatabase(cloud.dataDir, BOOKKEEPING)).toBe(untouched);
});

test('bad input is refused with a clear message and writes nothing', async () => {
  const { grid } = await gridWorker('pb');
  const before = snapshotDatabase(cloud.dataDir, BOOKKEEPING);
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['proxies.createResident', { nickname: '', homeCommunityId: 'cm-beiyuan', relation: 'family', witness: { form: 'paper', ref: 'A' } }, 'nickname: 不能为空'],
    ['proxies.createResident', { nickname: '刘奶奶', homeCommunityId: 'cm-beiyuan', relation: 'boss', witness: { form: 'paper', ref: 'A' } }, 'relation'],
    ['proxies.createResident', { nickname: '刘奶奶', homeCommunityId: 'cm-beiyuan', relation: 'family', witness: { form: 'photo', ref: 'not a file' } }, 'witness.ref: 不是有效的文件地址'],
    ['proxies.createResident', { nickname: '刘奶奶', homeCommunityId: 'cm-beiyuan', relation: 'family', birthYear: 3000, witness: { form: 'paper', ref: 'A' } }, 'birthYear: 出生年份不能晚于今年'],
    ['proxies.createResident', { nickname: { $gt: '' }, homeCommunityId: 'cm-beiyuan', relation: 'family', witness: { form: 'paper', ref: 'A' } }, 'nickname: 必须是文本'],
    ['proxies.createResident', { nickname: '刘奶奶', homeCommunityId: 'st-chengguan', relation: 'family', witness: { form: 'paper', ref: 'A' } }, 'homeCommunityId: 没有找到这个社区，或你不是这个社区的工作人员或网格员'],
    ['proxies.createResident', { nickname: '刘奶奶', homeCommunityId: 'cm-beiyuan', relation: 'family', proxyUserId: 'u-nobody', witness: { form: 'paper', ref: 'A' } }, 'proxyUserId: 没有找到这位代办人，请让其先登录一次小程序'],
    ['proxies.claim', { code: '123' }, 'code: 请输入 8 位认领码'],
    ['proxies.claim', { code: '12345678' }, '工作人员账号不能认领居民账号，请用居民本人的微信'],
    ['proxies.withdraw', { residentUserId: 'x', proxyUserId: 'y', reason: '' }, 'reason: 不能为空'],
    ['checkin.scan', { activityId: 'a', code: '123456', direction: 'in', forUserId: '$bad' }, 'forUserId: 格式不正确'],
  ];
  for (const [action, input, message] of cases) {
    const r = await grid.call('signups', action, input);
    expect(r.body.ok).toBe(false);
    expect(r.body.ok ? '' : r.body.error.message).toContain(message);
  }
  expect(snapshotDatabase(cloud.dataDir, BOOKKEEPING)).toBe(before);
});

test('a withdrawal racing a proxy sign-up: either the sign-up came first (kept and logged) or it is refused and wrote nothing; the next act is refused', async () => {
  const seed = Number(process.env.LINLI_SEED ?? Date.now() % 100000);
  const random = new SeededRandom(seed);
  const { grid, gridId, committee } = await gridWorker('pr');
  const leader = await Client.signIn(cloud.url, 'pr-leader');
  const groupId = await createGroup(db, { leader: 'pr-leader' });
  try {
  for (let round = 0; round < 4; round += 1) {
    const { residentUserId } = await registerResident(grid);
    const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 5, volunteer: null, title: `竞速 ${round}` })));
    const activityId = ids[0]!;
    const signUp = () => grid.call('signups', 'signups.create', { activityId, forUserId: residentUserId });
    const withdraw = () => committee.call('signups', 'proxies.withdraw', { residentUserId, proxyUserId: gridId, reason: '撤回' });
    const [a, b] = random.chance(0.5) ? await Promise.all([signUp(), withdraw()]) : (await Promise.all([withdraw(), signUp()])).reverse();
    expect(b.status).toBe(200);
    const { data: signups } = await db.collection('signups').where({ activityId }).get();
    const { data: logged } = await db.collection('proxy_actions').where({ residentUserId }).get();
    if (a.status === 200) {
      expect([signups.length, logged.length]).toEqual([1, 1]);
    } else {
      expect([a.status, signups.length, logged.length]).toEqual([404, 0, 0]);
    }
    // Whatever the order, the consent is over now.
    expect((await signUp()).status).toBe(404);
    expect((await grid.call('signups', 'signups.cancel', { activityId, forUserId: residentUserId })).status).toBe(404);
  }
  } catch (error) {
    throw new Error(`seed ${seed} (rerun with LINLI_SEED=${seed}): ${String(error)}`);
  }
});

test('rules at sign-up: required skills name what is missing; minimum age and guardian consent for anyone whose age is known; a birth year is asked when unknown', async () => {
  const leader = await Client.signIn(cloud.url, 'pk-leader');
  const groupId = await createGroup(db, { leader: 'pk-leader' });
  const skilled = (await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { skills: ['急救', '摄影'], capacity: 5 })))).ids[0]!;
  const aged = (await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { minAge: 16, capacity: 5, volunteer: null })))).ids[0]!;
  const plain = (await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 5, volunteer: null })))).ids[0]!;
  const teen = await Client.signIn(cloud.url, 'pk-teen');
  const before = snapshotDatabase(cloud.dataDir, BOOKKEEPING);
  expect(messageOf(await teen.call('signups', 'signups.create', { activityId: skilled }))).toEqual([403, '本活动需要以下技能：急救、摄影']);
  const unknown = await teen.call('signups', 'signups.create', { activityId: aged });
  expect([unknown.status, !unknown.body.ok && unknown.body.error.issues]).toEqual([400, [{ path: 'birthYear', message: '本活动有年龄要求，请先填写出生年份' }]]);
  expect(snapshotDatabase(cloud.dataDir, BOOKKEEPING)).toBe(before);

  // She gives her birth year (on her profile): 13 this year is too young for 16+, and a plain activity needs her guardian's consent.
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const start = Number(new Date(new Date(inHours(48)).getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  await data(teen.call('account', 'account.updateProfile', { birthYear: start - 13 }));
  expect(messageOf(await teen.call('signups', 'signups.create', { activityId: aged, guardianConsent: true }))).toEqual([403, '本活动要求年满 16 周岁']);
  expect(messageOf(await teen.call('signups', 'signups.create', { activityId: plain }))).toEqual([400, 'guardianConsent: 未满 18 周岁，报名需要监护人同意']);
  expect((await data<{ mySignup: { status: string } }>(teen.call('signups', 'signups.create', { activityId: plain, guardianConsent: true }))).mySignup.status).toBe('confirmed');
  expect(year).toBeGreaterThan(2000);

  // Skills she declares on her profile count like a volunteer's; one missing is still named.
  await data(teen.call('account', 'account.updateProfile', { skills: ['摄影'] }));
  expect(messageOf(await teen.call('signups', 'signups.create', { activityId: skilled, guardianConsent: true }))).toEqual([403, '本活动需要以下技能：急救']);
  await data(teen.call('account', 'account.updateProfile', { skills: ['摄影', '急救'] }));
  expect((await data<{ mySignup: { status: string } }>(teen.call('signups', 'signups.create', { activityId: skilled, guardianConsent: true }))).mySignup.status).toBe('confirmed');

  // A proxy gives the birth year of the resident he acts for; it is in her records; then the rule lets her in.
  const { grid } = await gridWorker('pk');
  const { residentUserId } = await registerResident(grid);
  expect((await grid.call('signups', 'signups.create', { activityId: aged, forUserId: residentUserId })).status).toBe(400);
  await data(grid.call('account', 'account.updateProfile', { forUserId: residentUserId, birthYear: 1950 }));
  expect((await data<{ mySignup: { status: string } }>(grid.call('signups', 'signups.create', { activityId: aged, forUserId: residentUserId }))).mySignup.status).toBe('confirmed');
  const kinds = (await data<{ items: Array<{ kind: string }> }>(grid.call('signups', 'proxies.records', { residentUserId }, null))).items.map((i) => i.kind);
  expect(kinds).toEqual(['signup', 'birth_year']);
  // A proxy may set nothing else of hers.
  expect((await grid.call('account', 'account.updateProfile', { forUserId: residentUserId, nickname: '改名' })).status).toBe(400);
});
