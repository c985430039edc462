import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { account } from '../components/support/fixtures';
import { activityDetail, mySignup } from '../components/support/eventFixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'app.js'))) throw new Error(`${DIST} is missing: run \`node config/build-app.mjs weapp\``);

interface CallFunctionParam {
  name: string;
  data: { action: string; input: Record<string, unknown>; requestId?: string };
}

const ID = 'a0123456789abcdef01234567';

describe('weapp build: pages/activity/index', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('signs up with wx.cloud.callFunction({ name: "signups", data: { action: "signups.create", input: { activityId }, requestId } })', async () => {
    const ok = (data: unknown) => ({ result: { ok: true, data } });
    const callFunction = jest.fn(async ({ data }: CallFunctionParam) => {
      if (data.action === 'account.me') return ok(account());
      if (data.action === 'activities.get') return ok(activityDetail({ id: ID }));
      if (data.action === 'proxies.list') return ok({ canActFor: [], actingForMe: [] });
      if (data.action === 'signups.create') return ok({ activityId: ID, mySignup: mySignup({ status: 'confirmed' }), seatsLeft: 3, waitlistLength: 0 });
      return { result: { ok: false, error: { code: 'NOT_FOUND', message: 'unexpected' } } };
    });
    const { page, pages } = loadPage('pages/activity/index', { wx: { cloud: { init: jest.fn(), callFunction } }, query: { id: ID } });

    await waitFor(() => page.dom.textContent?.includes('周末护河行动'));
    expect(callFunction).toHaveBeenCalledWith({ name: 'activities', data: { action: 'activities.get', input: { activityId: ID } } });
    const signUp = await waitFor(() => page.querySelector('.activity__action'));
    expect(page.dom.textContent).toContain('立即报名');

    signUp.dispatchEvent('tap');

    await waitFor(() => callFunction.mock.calls.some(([param]) => param.data.action === 'signups.create'));
    const [created] = callFunction.mock.calls.find(([param]) => param.data.action === 'signups.create')!;
    expect(created).toEqual({ name: 'signups', data: { action: 'signups.create', input: { activityId: ID }, requestId: expect.any(String) } });
    expect(created.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    await waitFor(() => page.dom.textContent?.includes('报名成功，请准时参加'));
    expect(page.dom.textContent).toContain('取消报名');

    // the share card of this page (onShareAppMessage, weapp only)
    const share = pages[0]!.onShareAppMessage?.({ from: 'button' }) as { title: string; path: string; imageUrl: string };
    expect(share.path).toBe(`/pages/activity/index?id=${ID}`);
    expect(share.imageUrl).toBe('/assets/share/default.png');
    expect(share.title).toMatch(/^周末护河行动 · /);
  });
});
