/** The staff dashboard and the audit log (package-staff). */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import DashboardPage from '../../src/package-staff/dashboard/index';
import AuditPage from '../../src/package-staff/audit/index';
import { call, ClientError } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { account } from './support/fixtures';
import { auditEntry, county, dashboard, street } from './support/moderationFixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const countyBoard = dashboard({
  region: { id: 'cty-linxi', name: '临溪县', level: 'county' },
  groups: { total: 12, byType: { culture_sports: 3, hub: 2 }, byLevel: { community: 6, filed: 3, registered: 3 }, newLast30Days: 4, pendingReview: 1 },
  targets: {
    ruralCommunitiesWithExcellentTeam: { share: 1 / 3, count: 1, of: 3, goal: 1 },
    streetsWithHub: { share: 0.5, count: 1, of: 2, goal: 0.7 },
  },
  byChild: [
    { id: 'st-chengguan', name: '城关街道', groups: 8, members: 17, activities: 8 },
    { id: 'st-taoyuan', name: '桃源镇', groups: 4, members: 6, activities: 1 },
  ],
});

const width = (selector: string) => document.querySelector<HTMLElement>(selector)?.style.width;

describe('dashboard', () => {
  it('shows the numbers, the bars and the policy targets of the first area, and drills into a child', async () => {
    mockActions({
      'account.me': county,
      'dashboard.summary': (input) => (input.regionId === 'cty-linxi' ? countyBoard : dashboard()),
    });
    renderPage(<DashboardPage />);
    await findElement('.dash-tile--groups');
    expect(call).toHaveBeenCalledWith('dashboard.summary', { regionId: 'cty-linxi' });
    expect(within(await findElement('.dash-tile--groups')).getByText('12')).toBeTruthy();
    expect(within(await findElement('.dash-tile--new')).getByText('4')).toBeTruthy();
    // Waiting work leads to its queue; plain numbers lead nowhere.
    expect(document.querySelector('.dash-tile--groups')!.getAttribute('role')).toBeNull();
    fireEvent.click(await findElement('.dash-tile--pending'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/review/index' });
    fireEvent.click(await findElement('.dash-tile--hour-reviews'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/package-volunteer/review/index' });
    // Bars are relative to the largest count.
    expect(width('.dash-bars--level [data-key="community"] .dash-bar__fill')).toBe('100%');
    expect(width('.dash-bars--level [data-key="filed"] .dash-bar__fill')).toBe('50%');
    expect(within(await findElement('.dash-bars--type')).getByText('文体娱乐')).toBeTruthy();
    // Targets: the share, the goal mark, met or not.
    const hub = await findElement('.dash-target--hub');
    expect(within(hub).getByText('1/2，50%')).toBeTruthy();
    expect(within(hub).getByText('目标 70%')).toBeTruthy();
    expect(within(hub).getByText('未达标')).toBeTruthy();
    expect(hub.querySelector<HTMLElement>('.dash-target__goal')?.style.left).toBe('70%');
    expect(within(await findElement('.dash-target--rural')).getByText('1/3，33.3%')).toBeTruthy();

    fireEvent.click(await findElement('.dash-child[data-region-id="st-chengguan"]'));
    await waitFor(() => expect(call).toHaveBeenCalledWith('dashboard.summary', { regionId: 'st-chengguan' }));
    const hubHere = await findElement('.dash-target--hub');
    await waitFor(() => expect(within(hubHere).getByText('已达标')).toBeTruthy());
    expect(within(await findElement('.dash-target--rural')).getByText('范围内没有统计对象')).toBeTruthy();
    fireEvent.click(screen.getByText('返回 临溪县'));
    await waitFor(() => expect(document.querySelector('.dash-child[data-region-id="st-taoyuan"]')).toBeTruthy());

    // The second grant is one tap away.
    fireEvent.click(screen.getAllByText('城关街道').find((el) => el.closest('.staff-scope'))!);
    await waitFor(() => expect(jest.mocked(call).mock.calls.filter(([action, input]) => action === 'dashboard.summary' && (input as { regionId: string }).regionId === 'st-chengguan')).toHaveLength(2));
  });

  it('exports a workbook and shows its link', async () => {
    mockActions({
      'account.me': street,
      'dashboard.summary': () => dashboard(),
      'dashboard.export': (input) => ({
        id: 'jx-1', state: 'done', done: 9, total: 9, error: null, kind: input.kind,
        file: { fileId: `exports/${input.regionId}/${input.kind}.xlsx`, url: `http://127.0.0.1:8080/files/exports/${input.kind}.xlsx`, rows: 9 },
      }),
    });
    renderPage(<DashboardPage />);
    const hours = await findElement('.staff-export__item[data-export="hours"]');
    fireEvent.click(within(hours).getByText('志愿服务时长'));
    await waitFor(() => expect(call).toHaveBeenCalledWith('dashboard.export', { regionId: 'st-chengguan', kind: 'hours' }));
    expect(await within(hours).findByText('已导出 9 行')).toBeTruthy();
    expect(within(hours).getByText('http://127.0.0.1:8080/files/exports/hours.xlsx')).toBeTruthy();
  });

  it('tells a resident without a staff role', async () => {
    mockActions({ 'account.me': () => account() });
    renderPage(<DashboardPage />);
    expect(await screen.findByText('你没有工作人员角色')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('dashboard.summary');
  });

  it('shows the error state of a failed summary and recovers on retry', async () => {
    let fail = true;
    mockActions({
      'account.me': street,
      'dashboard.summary': () => {
        if (fail) throw new ClientError('INTERNAL', '服务暂时不可用，请稍后再试');
        return dashboard();
      },
    });
    renderPage(<DashboardPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    await findElement('.dash-tile--groups');
  });
});

describe('audit log', () => {
  it('lists the entries of my area and filters by staff, target and days', async () => {
    mockActions({
      'account.me': street,
      'audit.search': (input) => ({ items: [auditEntry(), auditEntry({ id: 'al-2', action: 'roles.grant', targetType: 'role', targetId: 'grant-1', reason: null })].slice(0, input.staffId ? 1 : 2), total: input.staffId ? 1 : 2, hasMore: false }),
    });
    renderPage(<AuditPage />);
    await findElement('.staff-audit__row[data-entry-id="al-1"]');
    expect(call).toHaveBeenCalledWith('audit.search', { regionId: 'st-chengguan', offset: 0, limit: 20 });
    expect(screen.getByText('共 2 条')).toBeTruthy();
    const row = await findElement('.staff-audit__row[data-entry-id="al-1"]');
    expect(within(row).getByText('隐藏内容')).toBeTruthy();
    expect(within(row).getByText('公告 p-1')).toBeTruthy();
    expect(within(row).getByText('含有虚假中奖信息')).toBeTruthy();
    expect(within(await findElement('[data-entry-id="al-2"]')).getByText('授予角色')).toBeTruthy();

    await typeInto('.staff-audit__filters [data-field="targetId"]', 'p 1');
    fireEvent.click(screen.getByText('查询'));
    expect(await screen.findByText('只能包含字母、数字、- 和 _')).toBeTruthy();
    await typeInto('.staff-audit__filters [data-field="targetId"]', 'p-1');
    await typeInto('.staff-audit__filters [data-field="from"]', '2026-03-01');
    await typeInto('.staff-audit__filters [data-field="to"]', '2026-03-02');
    fireEvent.click(screen.getByText('查询'));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('audit.search', {
        regionId: 'st-chengguan',
        targetId: 'p-1',
        from: '2026-03-01T00:00:00+08:00',
        to: '2026-03-02T23:59:00+08:00',
        offset: 0,
        limit: 20,
      }),
    );

    fireEvent.click(within(row).getByText('只看此人'));
    await waitFor(() => expect(call).toHaveBeenLastCalledWith('audit.search', expect.objectContaining({ staffId: 'u-zhang', targetId: 'p-1' })));
    await waitFor(() => expect(screen.getByText('共 1 条')).toBeTruthy());

    fireEvent.click(screen.getByText('清除条件'));
    await waitFor(() => expect(call).toHaveBeenLastCalledWith('audit.search', { regionId: 'st-chengguan', offset: 0, limit: 20 }));
  });

  it('refuses a start after the end, and exports the log', async () => {
    mockActions({
      'account.me': street,
      'audit.search': () => ({ items: [], total: 0, hasMore: false }),
      'dashboard.export': () => ({ id: 'jx-2', state: 'done', done: 0, total: 0, error: null, kind: 'audit', file: { fileId: 'f', url: 'http://127.0.0.1:8080/files/audit.xlsx', rows: 0 } }),
    });
    renderPage(<AuditPage />);
    expect(await screen.findByText('没有符合条件的记录')).toBeTruthy();
    await typeInto('.staff-audit__filters [data-field="from"]', '2026-03-05');
    await typeInto('.staff-audit__filters [data-field="to"]', '2026-03-01');
    fireEvent.click(screen.getByText('查询'));
    expect(await screen.findByText('开始日期不能晚于结束日期')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.filter(([action]) => action === 'audit.search')).toHaveLength(1);

    fireEvent.click(screen.getByText('导出日志'));
    await waitFor(() => expect(call).toHaveBeenCalledWith('dashboard.export', { regionId: 'st-chengguan', kind: 'audit' }));
    expect(await screen.findByText('已导出 0 行')).toBeTruthy();

    // With a search in force, the export carries it.
    await typeInto('.staff-audit__filters [data-field="from"]', '2026-03-01');
    await typeInto('.staff-audit__filters [data-field="to"]', '2026-03-05');
    await typeInto('.staff-audit__filters [data-field="staffId"]', 'u-zhang');
    fireEvent.click(screen.getByText('查询'));
    await waitFor(() => expect(call).toHaveBeenLastCalledWith('audit.search', expect.objectContaining({ staffId: 'u-zhang' })));
    fireEvent.click(screen.getByText('导出日志'));
    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith('dashboard.export', {
        regionId: 'st-chengguan',
        kind: 'audit',
        staffId: 'u-zhang',
        from: expect.stringMatching(/^2026-03-01T00:00/),
        to: expect.stringMatching(/^2026-03-05T23:59/),
      }),
    );
  });
});
