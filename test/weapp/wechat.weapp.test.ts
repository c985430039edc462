/**
 * WeChat's app-wide pieces in the built package (dist/weapp): the privacy notice on a page other
 * than sign-in (one listener for the app, the notice in every PageRoot), the update manager's
 * restart offer, and the share card's picture.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { account, groupDetail } from '../components/support/fixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'app.js'))) throw new Error(`${DIST} is missing: run \`node config/build-app.mjs weapp\``);

type Resolve = (option: { event: string; buttonId?: string }) => void;
type PrivacyListener = (resolve: Resolve) => void;

interface CallFunctionParam {
  name: string;
  data: { action: string; input: Record<string, unknown> };
}

const callFunction = jest.fn(async ({ data }: CallFunctionParam) => {
  if (data.action === 'account.me') return { result: { ok: true, data: account() } };
  if (data.action === 'groups.get') return { result: { ok: true, data: groupDetail({ coverImage: 'cloud://env-1.abc/covers/taiji.jpg' }) } };
  return { result: { ok: false, error: { code: 'NOT_FOUND', message: 'unexpected' } } };
});

/** wx.getUpdateManager's manager, with the listeners the app registers kept for the test. */
function updateManager() {
  const ready: Array<() => void> = [];
  return {
    ready,
    onCheckForUpdate: jest.fn(),
    onUpdateReady: jest.fn((listener: () => void) => ready.push(listener)),
    onUpdateFailed: jest.fn(),
    applyUpdate: jest.fn(),
  };
}

describe('weapp build: WeChat privacy, updates and share cards', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows the privacy notice on the settings page and answers "disagree", then "agree"', async () => {
    const listeners: PrivacyListener[] = [];
    const { page } = loadPage('pages/settings/index', {
      wx: {
        cloud: { init: jest.fn(), callFunction },
        onNeedPrivacyAuthorization: (listener: PrivacyListener) => listeners.push(listener),
      },
    });
    // one registration for the whole app (app.ts), however many pages mount a PageRoot
    await waitFor(() => page.querySelector('.linli-page'));
    expect(listeners).toHaveLength(1);
    expect(page.dom.textContent).not.toContain('用户隐私保护提示');

    // a privacy API of this page asks: the notice shows; "不同意" makes the held call fail
    const first = jest.fn<void, Parameters<Resolve>>();
    listeners[0]!(first);
    await waitFor(() => page.dom.textContent?.includes('用户隐私保护提示'));
    expect(first).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    (await waitFor(() => page.querySelector('.linli-privacy__disagree'))).dispatchEvent('tap');
    await waitFor(() => first.mock.calls.length === 2);
    expect(first).toHaveBeenLastCalledWith({ event: 'disagree' });

    // asked again (two calls held at once): "同意并继续" lets both continue
    const second = jest.fn<void, Parameters<Resolve>>();
    const third = jest.fn<void, Parameters<Resolve>>();
    listeners[0]!(second);
    listeners[0]!(third);
    const agree = await waitFor(() => page.querySelector('.linli-privacy__agree'));
    agree.dispatchEvent('agreeprivacyauthorization');
    await waitFor(() => second.mock.calls.length === 2 && third.mock.calls.length === 2);
    expect(second).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'linli-privacy-agree' });
    expect(third).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'linli-privacy-agree' });
    expect(first).toHaveBeenCalledTimes(2);
  });

  it('offers a restart when a new version is downloaded, and applies it on "立即重启"', async () => {
    const manager = updateManager();
    const showModal = jest.fn((option: { title: string; content: string; confirmText: string; success?: (result: { confirm: boolean; cancel: boolean }) => void }) => {
      option.success?.({ confirm: true, cancel: false });
    });
    const { page } = loadPage('pages/settings/index', {
      wx: { cloud: { init: jest.fn(), callFunction }, getUpdateManager: () => manager, showModal },
    });
    await waitFor(() => page.querySelector('.linli-page'));
    expect(manager.onUpdateReady).toHaveBeenCalledTimes(1);
    expect(showModal).not.toHaveBeenCalled();

    manager.ready[0]!();
    await waitFor(() => manager.applyUpdate.mock.calls.length === 1);
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '新版本已就绪', content: '邻里有了新版本，重启后即可使用。', confirmText: '立即重启', cancelText: '稍后' }));
  });

  it('keeps the old version running when the user chooses "稍后"', async () => {
    const manager = updateManager();
    const answers = [false, true];
    const showModal = jest.fn((option: { success?: (result: { confirm: boolean; cancel: boolean }) => void }) => {
      const confirm = answers.shift() ?? false;
      option.success?.({ confirm, cancel: !confirm });
    });
    const { page } = loadPage('pages/settings/index', {
      wx: { cloud: { init: jest.fn(), callFunction }, getUpdateManager: () => manager, showModal },
    });
    await waitFor(() => page.querySelector('.linli-page'));
    // "稍后", then (the listener fires again in this test) "立即重启": the answers settle in
    // order, so a single restart proves the first answer restarted nothing.
    manager.ready[0]!();
    manager.ready[0]!();
    await waitFor(() => manager.applyUpdate.mock.calls.length > 0);
    expect(showModal).toHaveBeenCalledTimes(2);
    expect(manager.applyUpdate).toHaveBeenCalledTimes(1);
  });

  it("shares a group with its cover (a cloud file id) as the card's picture", async () => {
    const { page, pages } = loadPage('pages/group/index', { wx: { cloud: { init: jest.fn(), callFunction } }, query: { id: 'g-taiji' } });
    await waitFor(() => page.dom.textContent?.includes('北苑晨练太极队'));
    const share = pages[0]!.onShareAppMessage?.({ from: 'menu' });
    expect(share).toEqual({ title: '北苑晨练太极队 · 邀你一起参加社区组织', path: '/pages/group/index?id=g-taiji', imageUrl: 'cloud://env-1.abc/covers/taiji.jpg' });
  });
});
