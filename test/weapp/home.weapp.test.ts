import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { account, groupCard, page } from '../components/support/fixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'app.js'))) throw new Error(`${DIST} is missing: run \`node config/build-app.mjs weapp\``);

interface CallFunctionParam {
  name: string;
  data: { action: string; input: Record<string, unknown>; requestId?: string };
}

/** wx.cloud as the app sees it in WeChat, answering envelopes like the deployed functions. */
function cloudStub(answer: (param: CallFunctionParam) => unknown) {
  return {
    init: jest.fn(),
    callFunction: jest.fn(async (param: CallFunctionParam) => ({ errMsg: 'cloud.callFunction:ok', result: answer(param) })),
  };
}

describe('weapp build: pages/home/index', () => {
  let warnings: string[];
  beforeEach(() => {
    jest.resetModules();
    warnings = [];
    // wcc runtime warnings ("Template `tmpl_0_i` not found") would print huge code frames.
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')));
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('renders the groups wx.cloud.callFunction returns', async () => {
    const cloud = cloudStub(({ data }) => {
      if (data.action === 'account.me') return { ok: true, data: account() };
      if (data.action === 'groups.list') return { ok: true, data: page([groupCard(), groupCard({ id: 'g-xunluo', name: '北苑平安巡逻队', type: 'safety' })]) };
      return { ok: false, error: { code: 'NOT_FOUND', message: 'unexpected' } };
    });
    const { page: home } = loadPage('pages/home/index', { wx: { cloud } });

    // app.ts connects to CloudBase once, before any call
    expect(cloud.init).toHaveBeenCalledTimes(1);
    await waitFor(() => home.dom.textContent?.includes('北苑平安巡逻队'));
    expect(home.dom.textContent).toContain('北苑晨练太极队');
    expect(home.dom.textContent).toContain('王阿姨，你好');
    expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'account', data: { action: 'account.me', input: {} } });
    expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'groups', data: { action: 'groups.list', input: { area: 'community', offset: 0, limit: 10 } } });
    // every node Taro rendered has a template (NutUI icons are views, not <i>)
    expect(warnings.filter((w) => w.includes('not found'))).toEqual([]);
  });

  it('shows the error state with a retry when the function answers an error', async () => {
    let fail = true;
    const cloud = cloudStub(({ data }) => {
      if (data.action === 'account.me') return { ok: true, data: account() };
      if (fail) return { ok: false, error: { code: 'INTERNAL', message: 'boom' } };
      return { ok: true, data: page([groupCard()]) };
    });
    const { page: home } = loadPage('pages/home/index', { wx: { cloud } });

    await waitFor(() => home.dom.textContent?.includes('服务暂时不可用，请稍后再试'));
    fail = false;
    const retry = await waitFor(() => home.querySelector('.linli-state__action .nut-button'));
    retry.dispatchEvent('tap');
    await waitFor(() => home.dom.textContent?.includes('北苑晨练太极队'));
  });
});
