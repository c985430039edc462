import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { account } from '../components/support/fixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'app.js'))) throw new Error(`${DIST} is missing: run \`node config/build-app.mjs weapp\``);

type Resolve = (option: { event: string; buttonId?: string }) => void;

describe('weapp build: pages/login/index (profile + privacy)', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('offers WeChat avatar and nickname, and lets a privacy request through only after "agree"', async () => {
    let privacyListener: ((resolve: Resolve) => void) | null = null;
    const callFunction = jest.fn(async () => ({ result: { ok: true, data: account() } }));
    const { page } = loadPage('pages/login/index', {
      wx: {
        cloud: { init: jest.fn(), callFunction },
        onNeedPrivacyAuthorization: (listener: (resolve: Resolve) => void) => {
          privacyListener = listener;
        },
      },
    });

    // the profile form, filled in from account.me (the initial of the nickname shows in the avatar)
    await waitFor(() => page.dom.textContent?.includes('点击选择头像'));
    await waitFor(() => page.querySelector('.linli-avatar__initial')?.dom.textContent === '王');
    expect(callFunction).toHaveBeenCalledWith({ name: 'account', data: { action: 'account.me', input: {} } });
    expect(page.querySelector('.login__avatar-button')).toBeTruthy();
    expect(page.querySelector('.login__nickname')).toBeTruthy();

    // WeChat asks before a privacy component runs: the notice shows, and "agree" resolves it
    const listener = await waitFor(() => privacyListener);
    const resolve = jest.fn<void, Parameters<Resolve>>();
    listener(resolve);
    await waitFor(() => page.dom.textContent?.includes('用户隐私保护提示'));
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    const agree = await waitFor(() => page.querySelector('.linli-privacy__agree'));
    agree.dispatchEvent('agreeprivacyauthorization');
    await waitFor(() => resolve.mock.calls.length === 2);
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'linli-privacy-agree' });
  });
});
