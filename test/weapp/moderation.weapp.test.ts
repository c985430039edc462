/** The moderation pages of the REAL dist/weapp build: the staff console and the residents' report and notices pages. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { regionTree } from '../components/support/fixtures';
import { auditEntry, caseView, committee, dashboard, decidedByOther } from '../components/support/moderationFixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'package-staff', 'moderation', 'index.js'))) throw new Error(`${DIST}/package-staff/moderation is missing: run \`node config/build-app.mjs weapp\``);

interface CallFunctionParam {
  name: string;
  data: { action: string; input: Record<string, unknown>; requestId?: string };
}

const hidden = caseView();
const appealed = caseView({ id: 'mc-appealed', title: '北苑棋牌协会', lastDecision: decidedByOther, appeal: { text: '这是正常的通知。', at: '2026-03-03T00:00:00.000Z', state: 'pending' }, abilities: ['moderation.view', 'moderation.decideAppeal', 'moderation.appeal'] });

/** What the stubbed cloud answers, per action (the viewer is 北苑's committee member). */
const ANSWERS: Record<string, (input: Record<string, unknown>) => unknown> = {
  'account.me': () => committee(),
  'regions.tree': () => regionTree,
  'moderation.queue': (input) => (input.state === 'appealed' ? { items: [appealed], total: 1, hasMore: false } : { items: [hidden], total: 1, hasMore: false }),
  'moderation.decide': () => ({ decided: true }),
  'moderation.mine': () => ({ items: [appealed] }),
  'audit.search': () => ({ items: [auditEntry()], total: 1, hasMore: false }),
  'dashboard.summary': () => dashboard(),
  'rollcalls.list': () => ({ items: [], total: 0, hasMore: false }),
  'roles.list': () => ({ items: [{ grantId: 'grant-1', userId: 'u-zhang', nickname: '张主任', role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区', grantedAt: '2026-01-01T00:00:00.000Z' }] }),
};

function stubCloud() {
  return jest.fn(async ({ data }: CallFunctionParam) => {
    const answer = ANSWERS[data.action];
    return answer ? { result: { ok: true, data: answer(data.input) } } : { result: { ok: false, error: { code: 'NOT_FOUND', message: data.action } } };
  });
}

beforeEach(() => {
  jest.resetModules();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('weapp build: package-staff/moderation/index', () => {
  it('lists the reported post and keeps it hidden only with a reason, over wx.cloud.callFunction', async () => {
    const callFunction = stubCloud();
    const { page } = loadPage('package-staff/moderation/index', { wx: { cloud: { init: jest.fn(), callFunction } } });

    await waitFor(() => page.dom.textContent?.includes('恭喜中奖！添加微信领取大礼包'));
    expect(callFunction).toHaveBeenCalledWith({ name: 'moderation', data: { action: 'moderation.queue', input: { state: 'open', offset: 0, limit: 20 } } });
    expect(page.dom.textContent).toContain('3 人举报');
    expect(page.dom.textContent).toContain('垃圾广告 × 2');
    expect(page.dom.textContent).not.toContain('加载失败');

    const keep = await waitFor(() => page.querySelector('.staff-case__action--hide'));
    keep.dispatchEvent('tap');
    await waitFor(() => page.dom.textContent?.includes('维持隐藏“北苑晨练太极队”'));
    const confirm = await waitFor(() => page.querySelector('.nut-dialog-footer-ok'));
    confirm.dispatchEvent('tap');
    // No reason yet: the dialog says so and nothing is sent.
    await waitFor(() => page.dom.textContent?.includes('请填写理由（至少 2 个字）'));
    expect(callFunction.mock.calls.map(([param]) => param.data.action)).not.toContain('moderation.decide');
  });
});

describe.each([
  ['package-staff/home/index', '举报处理', {}],
  ['package-staff/appeals/index', '申诉理由：这是正常的通知。', {}],
  ['package-staff/audit/index', '含有虚假中奖信息', {}],
  ['package-staff/dashboard/index', '街道（乡镇）有枢纽型组织', {}],
  ['package-staff/roles/index', '张主任', {}],
  ['package-me/notices/index', '申诉待复核', { id: 'mc-appealed' }],
  ['package-me/report/index', '不安全或涉嫌诈骗', { type: 'post', id: 'p-1', title: '%E6%81%AD%E5%96%9C%E4%B8%AD%E5%A5%96' }],
])('weapp build: %s', (route, text, query) => {
  it(`renders “${text}” from the stubbed cloud`, async () => {
    const { page } = loadPage(route, { wx: { cloud: { init: jest.fn(), callFunction: stubCloud() } }, query });
    await waitFor(() => page.dom.textContent?.includes(text));
    expect(page.dom.textContent).not.toContain('加载失败');
    // Mini-program options arrive percent-encoded; the report page shows the decoded title.
    if (route === 'package-me/report/index') expect(page.dom.textContent).toContain('恭喜中奖');
    // The console's recent roll-calls of the committee's community (none yet).
    if (route === 'package-staff/home/index') await waitFor(() => page.dom.textContent?.includes('还没有发起过应急召集'));
  });
});
