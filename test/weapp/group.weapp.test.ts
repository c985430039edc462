import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { account, groupDetail } from '../components/support/fixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'app.js'))) throw new Error(`${DIST} is missing: run \`node config/build-app.mjs weapp\``);

interface CallFunctionParam {
  name: string;
  data: { action: string; input: Record<string, unknown>; requestId?: string };
}

describe('weapp build: pages/group/index', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('joins with wx.cloud.callFunction({ name: "groups", data: { action: "groups.join", input, requestId } })', async () => {
    const callFunction = jest.fn(async ({ data }: CallFunctionParam) => {
      if (data.action === 'account.me') return { result: { ok: true, data: account() } };
      if (data.action === 'groups.get') return { result: { ok: true, data: groupDetail() } };
      if (data.action === 'groups.join') {
        return { result: { ok: true, data: groupDetail({ memberCount: 5, myMembership: { status: 'active', role: 'member', since: '2025-02-01T00:00:00.000Z' }, abilities: ['groups.view', 'groups.leave'] }) } };
      }
      return { result: { ok: false, error: { code: 'NOT_FOUND', message: 'unexpected' } } };
    });
    const { page, pages } = loadPage('pages/group/index', { wx: { cloud: { init: jest.fn(), callFunction } }, query: { id: 'g-taiji' } });

    await waitFor(() => page.dom.textContent?.includes('北苑晨练太极队'));
    expect(callFunction).toHaveBeenCalledWith({ name: 'groups', data: { action: 'groups.get', input: { groupId: 'g-taiji' } } });
    expect(page.dom.textContent).toContain('加入组织');

    const join = await waitFor(() => page.querySelector('.group__action'));
    join.dispatchEvent('tap');
    const confirm = await waitFor(() => page.querySelector('.nut-dialog-footer-ok'));
    confirm.dispatchEvent('tap');

    await waitFor(() => callFunction.mock.calls.some(([param]) => param.data.action === 'groups.join'));
    const [joined] = callFunction.mock.calls.find(([param]) => param.data.action === 'groups.join')!;
    expect(joined).toEqual({ name: 'groups', data: { action: 'groups.join', input: { groupId: 'g-taiji' }, requestId: expect.any(String) } });
    expect(joined.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    await waitFor(() => page.dom.textContent?.includes('退出组织'));
    expect(page.dom.textContent).toContain('你是这个组织的成员');

    // the share card of this page (onShareAppMessage, weapp only)
    const share = pages[0]!.onShareAppMessage?.({ from: 'button' });
    expect(share).toEqual({ title: '北苑晨练太极队 · 邀你一起参加社区组织', path: '/pages/group/index?id=g-taiji', imageUrl: '/assets/share/default.png' });
  });
});
