/** The care subpackage of the REAL dist/weapp build renders from the stubbed cloud (wx.cloud.callFunction on the care function). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { account } from '../components/support/fixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'package-care', 'mine', 'index.js'))) throw new Error(`${DIST}/package-care is missing: run \`node config/build-app.mjs weapp\``);

type Call = { name: string; data: { action: string; input: Record<string, unknown>; requestId?: string } };

const DAY = 24 * 3600_000;
const chinaDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** What the stubbed cloud answers, per action: one person, overdue by two days. */
const ANSWERS: Record<string, unknown> = {
  'account.me': account(),
  'care.myPairs': {
    items: [
      { recipientId: 'cr-li', pairId: 'cp-1', name: '李奶奶', category: 'lone_elder', address: '北苑小区3栋101', phone: null, groupName: null, lastVisitDate: null, dueDate: chinaDay(Date.now() - 2 * DAY), overdue: true, daysLeft: -2 },
    ],
  },
};

function stubCloud() {
  return jest.fn(async ({ data }: Call) =>
    data.action in ANSWERS ? { result: { ok: true, data: ANSWERS[data.action] } } : { result: { ok: false, error: { code: 'NOT_FOUND', message: data.action } } },
  );
}

describe('weapp build: package-care', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('我的结对: my people with what is overdue, through callFunction on the care function', async () => {
    const callFunction = stubCloud();
    const { page } = loadPage('package-care/mine/index', { wx: { cloud: { init: jest.fn(), callFunction } } });
    await waitFor(() => page.dom.textContent?.includes('李奶奶'));
    const text = page.dom.textContent ?? '';
    expect(text).toContain('已逾期 2 天');
    expect(text).toContain('北苑小区3栋101');
    expect(text).toContain('记录探访');
    expect(callFunction.mock.calls.map(([request]) => request)).toContainEqual({ name: 'care', data: { action: 'care.myPairs', input: {} } });
  });
});
