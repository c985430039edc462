/** Every registry page of the REAL dist/weapp build (both subpackages and the group page) renders its content. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { account, regionTree } from '../components/support/fixtures';
import { application, leaderGroup, member } from '../components/support/registryFixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'package-staff', 'review', 'index.js'))) throw new Error(`${DIST}/package-staff is missing: run \`node config/build-app.mjs weapp\``);

/** What the stubbed cloud answers, per action (the viewer leads the group). */
const ANSWERS: Record<string, unknown> = {
  'account.me': account(),
  'regions.tree': regionTree,
  'groups.get': leaderGroup(),
  'members.requests': { items: [] },
  'members.list': { items: [member()], total: 1, hasMore: false },
  'groups.reviewQueue': { items: [application()], total: 1, hasMore: false },
  'groups.myApplications': { items: [application()] },
  'posts.list': { items: [], total: 0, hasMore: false },
  'activities.list': { items: [], total: 0, hasMore: false },
  'hubs.invitations': { items: [] },
};

describe.each([
  ['package-leader/found/index', '小组名称'],
  ['package-leader/applications/index', '北苑棋牌协会'],
  ['package-leader/manage/index', '加入申请'],
  ['package-leader/edit/index', '小组简介'],
  ['package-leader/members/index', '赵大爷'],
  ['package-leader/post/index', '公告内容'],
  ['package-leader/invite/index', '生成邀请链接'],
  ['package-leader/hub/index', '收到的枢纽邀请'],
  ['package-staff/review/index', '北苑棋牌协会'],
  ['pages/group/index', '管理小组'],
])('weapp build: %s', (route, text) => {
  beforeEach(() => {
    jest.resetModules();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it(`renders “${text}” from the stubbed cloud`, async () => {
    const callFunction = jest.fn(async ({ data }: { data: { action: string } }) =>
      data.action in ANSWERS ? { result: { ok: true, data: ANSWERS[data.action] } } : { result: { ok: false, error: { code: 'NOT_FOUND', message: data.action } } },
    );
    const { page } = loadPage(route, { wx: { cloud: { init: jest.fn(), callFunction } }, query: { id: 'g-taiji' } });
    await waitFor(() => page.dom.textContent?.includes(text));
    expect(page.dom.textContent).not.toContain('加载失败');
  });
});
