/**
 * Emergency roll-call over the HTTP face: a committee calls the active volunteers of its
 * community by skill and grid area (each notified once, nobody else), they answer and change
 * their answers, staff watch the tally and close it (thanking those coming), and nothing is
 * answered after that. Then who may do what (NOT_FOUND where existence is private) and bad
 * input, each denial writing nothing.
 */
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import type { RollCallsGetOutput, RollCallsListOutput, RollCallView } from '../../src/shared/schemas/volunteers';
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import { snapshotDatabase } from '../support/dbSnapshot';
import { databaseOf, grantRole, type Db } from '../support/fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

let cloud: RunningCloud;
let db: Db;
let committee: Client;
const volunteers = {} as Record<'a' | 'b' | 'c' | 'd' | 'w' | 'far' | 'legacy', Client>;
let plain: Client;

const idFor = (birth: string, seq: string) => {
  const first17 = `110105${birth}${seq}`;
  return `${first17}${mainlandCheckChar(first17)}`;
};
const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
const IGNORED = ['idempotency', 'rate_limits', 'users'];

async function resident(openid: string, nickname: string, communityId = 'cm-beiyuan'): Promise<Client> {
  const client = await Client.signIn(cloud.url, openid, nickname);
  await dataOf(client.call('account', 'account.updateProfile', { homeCommunityId: communityId, nickname }));
  return client;
}

async function volunteer(openid: string, nickname: string, seq: string, skills: string[], gridArea: string | undefined, communityId = 'cm-beiyuan'): Promise<Client> {
  const client = await resident(openid, nickname, communityId);
  await dataOf(
    client.call('volunteers', 'volunteers.register', {
      realName: '王秀英',
      idType: 'mainland_id',
      idNumber: idFor('19700101', seq),
      phone: '13812345678',
      skills,
      ...(gridArea ? { gridArea } : {}),
      sensitiveConsent: true,
    }),
  );
  return client;
}

async function rollCallNotices(client: Client): Promise<Array<{ kind: string; title: string; link: string | null }>> {
  const inbox = await dataOf<{ items: Array<{ kind: string; title: string; link: string | null }> }>(client.call('inbox', 'inbox.list', { limit: 50 }, null));
  return inbox.items.filter((item) => item.kind.startsWith('rollcall'));
}

const FLOOD = {
  communityId: 'cm-beiyuan',
  title: '北门防汛装沙袋',
  description: '北门低洼处需要装沙袋、搬运，请带手套',
  skills: ['急救', '水上救援'],
  gridArea: '3号网格',
  meetingPlace: '北苑北门岗亭',
  needed: 5,
};

beforeAll(async () => {
  cloud = await startCloud();
  db = databaseOf(cloud);
  committee = await Client.signIn(cloud.url, 'demo-committee');
  volunteers.a = await volunteer('rc-a', '阿芳', '301', ['急救'], '3号网格');
  volunteers.b = await volunteer('rc-b', '阿宾', '302', ['搬运'], '3号网格'); // no wanted skill
  volunteers.c = await volunteer('rc-c', '阿晨', '303', ['急救'], '5号网格'); // another grid
  volunteers.d = await volunteer('rc-d', '阿东', '304', ['急救', '水上救援'], ' 3号网格 '); // trimmed on the way in
  volunteers.w = await volunteer('rc-w', '阿伟', '305', ['急救'], '3号网格');
  await dataOf(volunteers.w.call('volunteers', 'volunteers.withdraw', { confirm: true }));
  volunteers.far = await volunteer('rc-far', '阿远', '306', ['急救'], '3号网格', 'cm-nanhu');
  volunteers.legacy = await volunteer('rc-legacy', '老志愿者', '307', ['急救'], undefined);
  // A volunteer registered before grid areas existed: the field is missing altogether.
  await db.collection('volunteers').doc(userIdOf('rc-legacy')).update({ gridArea: db.command.remove() });
  plain = await resident('rc-plain', '普通居民');
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

test('the grid area is kept trimmed, shown to the volunteer, editable and clearable', async () => {
  const me = await dataOf<{ profile: { gridArea: string | null } }>(volunteers.d.call('volunteers', 'volunteers.me', {}, null));
  expect(me.profile.gridArea).toBe('3号网格');
  const legacy = await dataOf<{ profile: { gridArea: string | null } }>(volunteers.legacy.call('volunteers', 'volunteers.me', {}, null));
  expect(legacy.profile.gridArea).toBeNull();
  expect(Object.keys((await db.collection('volunteers').doc(userIdOf('rc-legacy')).get()).data[0] as object)).not.toContain('gridArea');
  expect((await dataOf<{ gridArea: string | null }>(volunteers.legacy.call('volunteers', 'volunteers.update', { gridArea: '7号网格' }))).gridArea).toBe('7号网格');
  expect((await dataOf<{ gridArea: string | null }>(volunteers.legacy.call('volunteers', 'volunteers.update', { gridArea: null }))).gridArea).toBeNull();
  const long = await volunteers.legacy.call('volunteers', 'volunteers.update', { gridArea: '网'.repeat(21) });
  expect([long.status, !long.body.ok && long.body.error.issues]).toEqual([400, [{ path: 'gridArea', message: '不能超过 20 个字' }]]);
});

test('a roll-call notifies only the matching active volunteers of the community, once; answers, tally, close', async () => {
  const requestId = 'rollcall-flood-0001';
  const created = await dataOf<RollCallView>(committee.call('volunteers', 'rollcalls.create', { ...FLOOD, meetAt: inHours(1) }, requestId));
  expect(created).toMatchObject({ title: FLOOD.title, status: 'open', communityName: '北苑社区', gridArea: '3号网格', tally: { notified: 2, coming: 0, cannot: 0, pending: 2, capped: false } });
  expect(created.abilities).toEqual(expect.arrayContaining(['rollcalls.view', 'rollcalls.tally', 'rollcalls.close']));

  // A retry of the same request replays: nobody is called twice.
  const replay = await dataOf<RollCallView>(committee.call('volunteers', 'rollcalls.create', { ...FLOOD, meetAt: created.meetAt }, requestId));
  expect(replay.id).toBe(created.id);

  for (const who of ['a', 'd'] as const) {
    expect(await rollCallNotices(volunteers[who])).toEqual([expect.objectContaining({ kind: 'rollcall', title: `应急召集：${FLOOD.title}`, link: `package-volunteer/rollcall/index?id=${created.id}` })]);
  }
  for (const who of ['b', 'c', 'w', 'far', 'legacy'] as const) expect({ who, notices: await rollCallNotices(volunteers[who]) }).toEqual({ who, notices: [] });
  expect(await rollCallNotices(plain)).toEqual([]);
  const audit = await db.collection('audit_log').where({ action: 'rollcall.create', targetId: created.id }).get();
  expect(audit.data).toHaveLength(1);

  // Answers, and a changed answer.
  const a = await dataOf<RollCallView>(volunteers.a.call('volunteers', 'rollcalls.respond', { rollCallId: created.id, answer: 'coming', etaMinutes: 15 }));
  expect(a).toMatchObject({ tally: null, myAnswer: { answer: 'coming', etaMinutes: 15 } });
  await dataOf(volunteers.d.call('volunteers', 'rollcalls.respond', { rollCallId: created.id, answer: 'cannot', etaMinutes: 5 }));
  const d = await dataOf<RollCallView>(volunteers.d.call('volunteers', 'rollcalls.respond', { rollCallId: created.id, answer: 'coming', etaMinutes: 40 }));
  expect(d.myAnswer).toMatchObject({ answer: 'coming', etaMinutes: 40 });

  const staffView = await committee.call<RollCallsGetOutput>('volunteers', 'rollcalls.get', { rollCallId: created.id }, null);
  const tally = await dataOf<RollCallsGetOutput>(Promise.resolve(staffView));
  expect(tally.rollCall.tally).toEqual({ notified: 2, coming: 2, cannot: 0, pending: 0, capped: false, dispatch: expect.objectContaining({ state: 'done', done: 2, total: 2 }) });
  expect(tally.coming).toEqual([
    expect.objectContaining({ nickname: '阿芳', skills: ['急救'], gridArea: '3号网格', etaMinutes: 15 }),
    expect.objectContaining({ nickname: '阿东', skills: ['急救', '水上救援'], gridArea: '3号网格', etaMinutes: 40 }),
  ]);
  // Nobody's phone, ID number or name is shown here.
  expect(JSON.stringify(staffView.body)).not.toMatch(/1381234|110105|王秀英|王\*\*/);

  // The volunteer sees the roll-call and her own answer only; her list has it.
  const own = await dataOf<RollCallsGetOutput>(volunteers.a.call('volunteers', 'rollcalls.get', { rollCallId: created.id }, null));
  expect(own).toMatchObject({ coming: null, rollCall: { tally: null, myAnswer: { answer: 'coming', etaMinutes: 15 }, abilities: ['rollcalls.view', 'rollcalls.respond'] } });
  const mine = await dataOf<RollCallsListOutput>(volunteers.a.call('volunteers', 'rollcalls.list', {}, null));
  expect(mine.items.map((item) => item.id)).toEqual([created.id]);
  const staffList = await dataOf<RollCallsListOutput>(committee.call('volunteers', 'rollcalls.list', { communityId: 'cm-beiyuan' }, null));
  expect(staffList.items[0]).toMatchObject({ id: created.id, tally: { coming: 2 } });

  // D can no longer come; closing thanks only those still coming.
  await dataOf(volunteers.d.call('volunteers', 'rollcalls.respond', { rollCallId: created.id, answer: 'cannot' }));
  const closed = await dataOf<RollCallView>(committee.call('volunteers', 'rollcalls.close', { rollCallId: created.id }));
  expect(closed).toMatchObject({ status: 'closed', tally: { notified: 2, coming: 1, cannot: 1, pending: 0 } });
  expect((await rollCallNotices(volunteers.a)).map((n) => n.kind)).toEqual(['rollcall_closed', 'rollcall']);
  expect((await rollCallNotices(volunteers.d)).map((n) => n.kind)).toEqual(['rollcall']);

  // After the close: no more answers, no second close, nothing written.
  const before = snapshotDatabase(cloud.dataDir, IGNORED);
  const late = await volunteers.a.call('volunteers', 'rollcalls.respond', { rollCallId: created.id, answer: 'cannot' });
  expect([late.status, !late.body.ok && late.body.error.code, !late.body.ok && late.body.error.message]).toEqual([409, 'ROLLCALL_CLOSED', '本次召集已结束']);
  const again = await committee.call('volunteers', 'rollcalls.close', { rollCallId: created.id });
  expect([again.status, !again.body.ok && again.body.error.code]).toEqual([409, 'ROLLCALL_CLOSED']);
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
});

test('without skills or a grid area, every active volunteer of the community is called', async () => {
  const street = await Client.signIn(cloud.url, 'demo-street');
  const created = await dataOf<RollCallView>(
    street.call('volunteers', 'rollcalls.create', { communityId: 'cm-beiyuan', title: '寻找走失老人', description: '张大爷 80 岁，穿蓝色外套，请分头寻找', meetingPlace: '社区服务中心', meetAt: inHours(0.5), needed: 20 }),
  );
  // a, b, c, d, the volunteer without a grid area and the seed's 王阿姨; not the withdrawn one, not the far one.
  expect(created.tally).toMatchObject({ notified: 6, pending: 6 });
  expect((await rollCallNotices(await Client.signIn(cloud.url, 'demo-resident'))).some((n) => n.link?.endsWith(created.id))).toBe(true);
  for (const who of ['a', 'b', 'c', 'd', 'legacy'] as const) expect({ who, got: (await rollCallNotices(volunteers[who])).some((n) => n.link?.endsWith(created.id)) }).toEqual({ who, got: true });
  for (const who of ['w', 'far'] as const) expect({ who, got: (await rollCallNotices(volunteers[who])).some((n) => n.link?.endsWith(created.id)) }).toEqual({ who, got: false });
});

describe('who may do what', () => {
  let rollCallId: string;
  let outsiders: Record<'resident' | 'otherCommittee' | 'uncalled', Client>;
  beforeAll(async () => {
    await Client.signIn(cloud.url, 'rc-other-committee');
    await grantRole(db, 'rc-other-committee', 'committee', 'cm-nanhu');
    outsiders = { resident: plain, otherCommittee: await Client.signIn(cloud.url, 'rc-other-committee'), uncalled: volunteers.b };
    ({ id: rollCallId } = await dataOf<RollCallView>(committee.call('volunteers', 'rollcalls.create', { ...FLOOD, meetAt: inHours(2) })));
  });

  test.each(['resident', 'otherCommittee', 'uncalled'] as const)('%s cannot create, get, respond, close or list; nothing is written', async (who) => {
    const client = outsiders[who];
    const before = snapshotDatabase(cloud.dataDir, IGNORED);
    const create = await client.call('volunteers', 'rollcalls.create', { ...FLOOD, meetAt: inHours(1) });
    expect([create.status, !create.body.ok && create.body.error.code]).toEqual([403, 'FORBIDDEN']);
    for (const [action, input] of [
      ['rollcalls.get', { rollCallId }],
      ['rollcalls.respond', { rollCallId, answer: 'coming', etaMinutes: 10 }],
      ['rollcalls.close', { rollCallId }],
    ] as const) {
      const reply = await client.call('volunteers', action, input);
      expect({ action, status: reply.status, code: !reply.body.ok && reply.body.error.code, message: !reply.body.ok && reply.body.error.message }).toEqual({
        action,
        status: 404,
        code: 'NOT_FOUND',
        message: '召集不存在或已结束',
      });
    }
    const list = await client.call('volunteers', 'rollcalls.list', { communityId: 'cm-beiyuan' }, null);
    expect(list.status).toBe(403);
    expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
  });

  test('a missing roll-call answers exactly like a hidden one', async () => {
    const reply = await volunteers.a.call('volunteers', 'rollcalls.respond', { rollCallId: 'rc-does-not-exist', answer: 'coming' });
    expect([reply.status, !reply.body.ok && reply.body.error.message]).toEqual([404, '召集不存在或已结束']);
  });

  test('a called volunteer cannot close it; the street and county above can see the tally', async () => {
    const close = await volunteers.a.call('volunteers', 'rollcalls.close', { rollCallId });
    expect([close.status, !close.body.ok && close.body.error.code]).toEqual([403, 'FORBIDDEN']);
    for (const openid of ['demo-street', 'demo-county']) {
      const staff = await Client.signIn(cloud.url, openid);
      expect((await dataOf<RollCallsGetOutput>(staff.call('volunteers', 'rollcalls.get', { rollCallId }, null))).rollCall.tally).toMatchObject({ notified: 2 });
    }
  });
});

describe('bad input writes nothing', () => {
  test.each([
    ['a meet-at time in the past', { meetAt: inHours(-1) }, [{ path: 'meetAt', message: '集合时间不能早于现在' }]],
    ['an overlong skill', { skills: ['急'.repeat(21)] }, [{ path: 'skills.0', message: '不能超过 20 个字' }]],
    ['a skill that is not text', { skills: [42] }, [{ path: 'skills.0', message: '必须是文本' }]],
    ['too many people', { needed: 501 }, [{ path: 'needed', message: '最多 500 人' }]],
    ['nobody needed', { needed: 0 }, [{ path: 'needed', message: '至少 1 人' }]],
    ['an overlong grid area', { gridArea: '网'.repeat(21) }, [{ path: 'gridArea', message: '不能超过 20 个字' }]],
  ])('%s', async (_label, change, issues) => {
    const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits']);
    const reply = await committee.call('volunteers', 'rollcalls.create', { ...FLOOD, meetAt: inHours(1), ...change });
    expect([reply.status, !reply.body.ok && reply.body.error.code, !reply.body.ok && reply.body.error.issues]).toEqual([400, 'INVALID_INPUT', issues]);
    expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits'])).toBe(before);
  });

  test('an ETA beyond 600 minutes is refused', async () => {
    const reply = await volunteers.a.call('volunteers', 'rollcalls.respond', { rollCallId: 'rc-any', answer: 'coming', etaMinutes: 601 });
    expect([reply.status, !reply.body.ok && reply.body.error.issues]).toEqual([400, [{ path: 'etaMinutes', message: '最多 600 分钟' }]]);
  });
});
