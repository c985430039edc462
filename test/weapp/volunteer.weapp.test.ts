/** The volunteer subpackage of the REAL dist/weapp build renders from the stubbed cloud (wx.cloud.callFunction). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { account } from '../components/support/fixtures';
import { hourRecord, hoursMine, profile } from '../components/support/volunteerFixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'package-volunteer', 'hours', 'index.js'))) throw new Error(`${DIST}/package-volunteer is missing: run \`node config/build-app.mjs weapp\``);

type Call = { name: string; data: { action: string; input: Record<string, unknown>; requestId?: string } };

/** What the stubbed cloud answers, per action: a one-star volunteer with 125.5 hours. */
const ANSWERS: Record<string, unknown> = {
  'account.me': account(),
  'volunteers.me': { profile: profile({ totalMinutes: 7530, stars: 1 }) },
  'hours.mine': hoursMine({ records: { items: [hourRecord({ content: '重阳节敬老院慰问演出' })], total: 1, hasMore: false } }),
  'proofs.verify': { valid: false },
};

function stubCloud() {
  return jest.fn(async ({ data }: Call) =>
    data.action in ANSWERS ? { result: { ok: true, data: ANSWERS[data.action] } } : { result: { ok: false, error: { code: 'NOT_FOUND', message: data.action } } },
  );
}

describe('weapp build: package-volunteer', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('my hours: the total, the star level and the records, through callFunction on the volunteers function', async () => {
    const callFunction = stubCloud();
    const { page } = loadPage('package-volunteer/hours/index', { wx: { cloud: { init: jest.fn(), callFunction } } });
    await waitFor(() => page.dom.textContent?.includes('重阳节敬老院慰问演出'));
    const text = page.dom.textContent ?? '';
    expect(text).toContain('125.5');
    expect(text).toContain('1 星志愿者');
    expect(text).toContain('再服务 174.5 小时可达 2 星');
    expect(text).toContain('签到');
    expect(text).not.toContain('加载失败');
    const calls = callFunction.mock.calls.map(([request]) => request);
    expect(calls).toContainEqual({ name: 'volunteers', data: { action: 'hours.mine', input: { offset: 0, limit: 20 } } });
    expect(calls).toContainEqual({ name: 'volunteers', data: { action: 'volunteers.me', input: {} } });
  });

  it('verify: checks the code from the link at once and says when no proof matches', async () => {
    const callFunction = stubCloud();
    const { page } = loadPage('package-volunteer/verify/index', { wx: { cloud: { init: jest.fn(), callFunction } }, query: { code: 'AB12CD34EF' } });
    await waitFor(() => page.dom.textContent?.includes('未找到有效证明'));
    expect(callFunction.mock.calls.map(([request]) => request)).toContainEqual({ name: 'proofs', data: { action: 'proofs.verify', input: { code: 'AB12CD34EF' } } });
  });
});
