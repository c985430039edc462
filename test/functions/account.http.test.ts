/** account.* and regions.* over the local cloud's HTTP face, as the H5 app and tools call them. */
import { Client, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

let cloud: RunningCloud;

beforeAll(async () => {
  cloud = await startCloud();
});

afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

interface Me {
  account: { id: string; nickname: string; homeCommunity: { id: string } | null; roles: Array<{ role: string; regionId: string; regionName: string }> };
  abilities: string[];
}

describe('account.me', () => {
  test('answers a demo resident with her seeded profile', async () => {
    const resident = await Client.signIn(cloud.url, 'demo-resident');
    const { status, body } = await resident.call<Me>('account', 'account.me', {}, null);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, data: { account: { nickname: '王阿姨', homeCommunity: { id: 'cm-beiyuan' }, roles: [] }, abilities: ['account.updateProfile'] } });
  });

  test('shows staff their grants with region names', async () => {
    const committee = await Client.signIn(cloud.url, 'demo-committee');
    const { body } = await committee.call<Me>('account', 'account.me', {}, null);
    expect(body.ok && body.data.account.roles).toEqual([{ role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' }]);
    expect(body.ok && body.data.abilities).toContain('staff.console');
  });

  test('answers 401 UNAUTHENTICATED without a session, and with a forged token', async () => {
    const anonymous = await Client.anonymous(cloud.url).call('account', 'account.me', {}, null);
    expect(anonymous).toEqual({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录', reason: 'request.sign_in_required' } } });
    const forged = await new Client(cloud.url, 'x'.repeat(32), null).call('account', 'account.me', {}, null);
    expect(forged.status).toBe(401);
  });

  test('a new local account starts without a home community', async () => {
    const newcomer = await Client.signIn(cloud.url, undefined, '小新');
    const { body } = await newcomer.call<Me>('account', 'account.me', {}, null);
    expect(body.ok && body.data.account).toMatchObject({ nickname: '小新', homeCommunity: null });
  });
});

describe('account.updateProfile', () => {
  test('sets nickname and home community and replays a retry with the same requestId', async () => {
    const user = await Client.signIn(cloud.url, 'profile-user');
    const requestId = user.nextRequestId();
    const first = await user.call<Me>('account', 'account.updateProfile', { nickname: '  老周 ', homeCommunityId: 'cm-taoyuan' }, requestId);
    expect(first.status).toBe(200);
    expect(first.body.ok && first.body.data.account).toMatchObject({ nickname: '老周', homeCommunity: { id: 'cm-taoyuan' } });
    await user.call('account', 'account.updateProfile', { nickname: '周伯' });
    const retry = await user.call<Me>('account', 'account.updateProfile', { nickname: '  老周 ', homeCommunityId: 'cm-taoyuan' }, requestId);
    expect(retry.body).toEqual(first.body);
    const me = await user.call<Me>('account', 'account.me', {}, null);
    expect(me.body.ok && me.body.data.account.nickname).toBe('周伯');
  });

  test('the same requestId with different input is IDEMPOTENCY_MISMATCH', async () => {
    const user = await Client.signIn(cloud.url, 'mismatch-user');
    const requestId = user.nextRequestId();
    await user.call('account', 'account.updateProfile', { nickname: '甲' }, requestId);
    const clash = await user.call('account', 'account.updateProfile', { nickname: '乙' }, requestId);
    expect(clash).toEqual({ status: 409, body: { ok: false, error: { code: 'IDEMPOTENCY_MISMATCH', message: '同一个请求编号被用于不同的操作', reason: 'request.request_id_reused' } } });
  });

  test('a street or county is not a home community', async () => {
    const user = await Client.signIn(cloud.url, 'street-home-user');
    const { status, body } = await user.call('account', 'account.updateProfile', { homeCommunityId: 'st-chengguan' });
    expect(status).toBe(400);
    expect(body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'homeCommunityId: 请选择一个社区或村', reason: 'account.home_community_required', issues: [{ path: 'homeCommunityId', message: '请选择一个社区或村' }] } });
  });

  test('a mutation without a requestId is refused and writes nothing', async () => {
    const user = await Client.signIn(cloud.url, 'no-request-id');
    const { status, body } = await user.call('account', 'account.updateProfile', { nickname: '无编号' }, null);
    expect(status).toBe(400);
    expect(!body.ok && body.error.code).toBe('INVALID_INPUT');
    const me = await user.call<Me>('account', 'account.me', {}, null);
    expect(me.body.ok && me.body.data.account.nickname).not.toBe('无编号');
  });
});

describe('regions.tree', () => {
  test('lists the county, its two streets and six communities, urban and rural', async () => {
    const user = await Client.signIn(cloud.url, 'demo-resident');
    const { body } = await user.call<{ roots: Array<{ id: string; children: Array<{ id: string; children: Array<{ kind: string }> }> }> }>('regions', 'regions.tree', {}, null);
    if (!body.ok) throw new Error(JSON.stringify(body));
    expect(body.data.roots.map((r) => r.id)).toEqual(['cty-linxi']);
    const streets = body.data.roots[0]!.children;
    expect(streets.map((s) => s.id).sort()).toEqual(['st-chengguan', 'st-taoyuan']);
    const kinds = streets.flatMap((s) => s.children.map((c) => c.kind));
    expect(kinds.filter((k) => k === 'urban')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'rural')).toHaveLength(3);
  });
});

describe('the HTTP face', () => {
  test('GET /api/contract lists every action with its function, roles and JSON Schemas', async () => {
    const res = await fetch(`${cloud.url}/api/contract`);
    type Schema = { type?: string; oneOf?: Schema[]; anyOf?: Schema[] };
    const body = (await res.json()) as { actions: Array<{ action: string; function: string; roles: string; input: Schema; output: Schema }> };
    // An object, or a union of objects (proofs.verify answers { valid: false } or the proof).
    const objectLike = (schema: Schema): boolean => schema.type === 'object' || [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].every((s) => s.type === 'object') && !!(schema.oneOf ?? schema.anyOf)?.length;
    const names = body.actions.map((a) => a.action);
    expect(names).toEqual(expect.arrayContaining(['account.me', 'account.updateProfile', 'regions.tree']));
    // The words come from src/shared/api/actionRoles.ts (kept out of the app's bundle).
    expect(body.actions.find((a) => a.action === 'signups.create')?.roles).toBe('any signed-in resident for themself; a consented proxy for an elderly resident');
    for (const action of body.actions) {
      expect(action.function).toMatch(/^[a-z]+$/);
      expect(action.roles.length).toBeGreaterThan(0);
      expect(action.input.type).toBe('object');
      expect({ action: action.action, output: objectLike(action.output) }).toEqual({ action: action.action, output: true });
    }
  });

  test('an unknown function or action is NOT_FOUND', async () => {
    const user = await Client.signIn(cloud.url, 'demo-resident');
    expect((await user.raw('nope', { action: 'x.y' })).status).toBe(404);
    const unknown = await user.raw('account', { action: 'account.deleteEverything', input: {} });
    expect(unknown.status).toBe(404);
    expect(!unknown.body.ok && unknown.body.error.code).toBe('NOT_FOUND');
  });

  test('the event cannot choose the actor: openid or userInfo in the body are ignored', async () => {
    const user = await Client.signIn(cloud.url, 'honest-user');
    const { body } = await user.raw('account', { action: 'account.me', input: {}, openid: 'demo-county', userInfo: { openId: 'demo-county' } });
    expect(body.ok && (body.data as Me).account.roles).toEqual([]);
    const anonymous = await Client.anonymous(cloud.url).raw('account', { action: 'account.me', input: {}, userInfo: { openId: 'demo-county' } });
    expect(anonymous.status).toBe(401);
  });
});
