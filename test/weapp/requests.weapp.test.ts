import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { account } from '../components/support/fixtures';
import { joinRequest, leaderGroup } from '../components/support/registryFixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'package-leader', 'requests', 'index.js'))) throw new Error(`${DIST}/package-leader is missing: run \`node config/build-app.mjs weapp\``);

interface CallFunctionParam {
  name: string;
  data: { action: string; input: Record<string, unknown>; requestId?: string };
}

describe('weapp build: package-leader/requests/index (a subpackage page)', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('approves a join request with wx.cloud.callFunction({ name: "members", data: { action: "members.decide", … } })', async () => {
    let requests = [joinRequest(), joinRequest({ userId: 'u-bob', nickname: '周大哥', message: null })];
    const callFunction = jest.fn(async ({ data }: CallFunctionParam) => {
      if (data.action === 'account.me') return { result: { ok: true, data: account() } };
      if (data.action === 'groups.get') return { result: { ok: true, data: leaderGroup() } };
      if (data.action === 'members.requests') return { result: { ok: true, data: { items: requests } } };
      if (data.action === 'members.decide') {
        requests = requests.filter((r) => r.userId !== data.input.userId);
        return { result: { ok: true, data: { member: { userId: 'u-alice', nickname: '孙阿姨', avatar: null, role: 'member', since: '2026-02-01T08:00:00.000Z' }, memberCount: 5 } } };
      }
      return { result: { ok: false, error: { code: 'NOT_FOUND', message: 'unexpected' } } };
    });
    const { page } = loadPage('package-leader/requests/index', { wx: { cloud: { init: jest.fn(), callFunction } }, query: { id: 'g-taiji' } });

    await waitFor(() => page.dom.textContent?.includes('孙阿姨'));
    expect(page.dom.textContent).toContain('留言：我会打太极');
    expect(callFunction).toHaveBeenCalledWith({ name: 'members', data: { action: 'members.requests', input: { groupId: 'g-taiji' } } });

    const approve = await waitFor(() => page.querySelector('.requests__approve'));
    approve.dispatchEvent('tap');

    await waitFor(() => callFunction.mock.calls.some(([param]) => param.data.action === 'members.decide'));
    const [decided] = callFunction.mock.calls.find(([param]) => param.data.action === 'members.decide')!;
    expect(decided).toEqual({
      name: 'members',
      data: { action: 'members.decide', input: { groupId: 'g-taiji', userId: 'u-alice', decision: 'approve' }, requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) },
    });
    await waitFor(() => !page.dom.textContent?.includes('孙阿姨'));
    expect(page.dom.textContent).toContain('周大哥');
  });
});
