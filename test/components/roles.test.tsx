/** Staff roles (package-staff/roles) and the console's entry page. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RolesPage from '../../src/package-staff/roles/index';
import StaffHomePage from '../../src/package-staff/home/index';
import { call, ClientError } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { regionTree } from './support/fixtures';
import { caseView, street } from './support/moderationFixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const zhang = { grantId: 'grant-zhang', userId: 'u-zhang', nickname: '张主任', role: 'committee' as const, regionId: 'cm-beiyuan', regionName: '北苑社区', grantedAt: '2026-01-05T00:00:00.000Z' };

describe('roles', () => {
  it('lists the grants of my area, revokes one with a reason and grants a committee role below', async () => {
    mockActions({
      'account.me': street,
      'regions.tree': () => regionTree,
      'roles.list': () => ({ items: [zhang] }),
      'roles.revoke': () => ({ revoked: true }),
      'roles.grant': (input) => {
        if (input.userId === 'u-nobody') throw new ClientError('NOT_FOUND', '内容不存在或已删除');
        return { grantId: 'grant-new' };
      },
    });
    renderPage(<RolesPage />);
    const row = await findElement('.staff-roles__row[data-grant-id="grant-zhang"]');
    expect(call).toHaveBeenCalledWith('roles.list', { regionId: 'st-chengguan' });
    expect(within(row).getByText('社区工作人员')).toBeTruthy();

    fireEvent.click(within(row).getByText('撤销'));
    await typeInto('.linli-reason', '调离岗位');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(call).toHaveBeenCalledWith('roles.revoke', { grantId: 'grant-zhang', reason: '调离岗位' }));
    expect(await screen.findByText('范围内没有授权')).toBeTruthy();

    // The street itself gives a street role; a community below it a committee role.
    const form = await findElement('.staff-roles__grant');
    expect(within(form).getByText('角色：街道工作人员')).toBeTruthy();
    fireEvent.click(within(form).getByText('南湖社区'));
    expect(within(form).getByText('角色：社区工作人员')).toBeTruthy();
    await typeInto('.staff-roles__grant [data-field="userId"]', 'u-nobody');
    fireEvent.click(within(form).getByText('授予'));
    expect(await within(form).findByText('内容不存在或已删除')).toBeTruthy();
    await typeInto('.staff-roles__grant [data-field="userId"]', 'u-sun');
    fireEvent.click(within(form).getByText('授予'));
    await waitFor(() => expect(call).toHaveBeenCalledWith('roles.grant', { userId: 'u-sun', role: 'committee', regionId: 'cm-nanhu' }));
    await waitFor(() => expect(jest.mocked(call).mock.calls.filter(([action]) => action === 'roles.list')).toHaveLength(2));

    // A community may also take a grid worker (issue 18).
    fireEvent.click(await findElement('.staff-roles__role [data-value="grid"]'));
    expect(within(form).getByText('角色：网格员')).toBeTruthy();
    await typeInto('.staff-roles__grant [data-field="userId"]', 'u-li');
    fireEvent.click(within(form).getByText('授予'));
    await waitFor(() => expect(call).toHaveBeenCalledWith('roles.grant', { userId: 'u-li', role: 'grid', regionId: 'cm-nanhu' }));
  });
});

describe('staff console entry', () => {
  it('shows my areas and what waits in the queue and the appeals', async () => {
    mockActions({
      'account.me': street,
      'moderation.queue': (input) => (input.state === 'appealed' ? { items: [caseView()], total: 1, hasMore: true } : { items: [caseView()], total: 4, hasMore: true }),
      'hours.queue': () => ({ items: [], total: 2, hasMore: true }),
      'groups.reviewQueue': () => ({ items: [], total: 1, hasMore: true }),
      'proofs.queue': () => {
        throw new Error('offline');
      },
    });
    renderPage(<StaffHomePage />);
    expect(await screen.findByText('城关街道 · 街道工作人员')).toBeTruthy();
    const queue = await findElement('.staff-home__entry--queue');
    await waitFor(() => expect(within(queue).getByText('4 条待办')).toBeTruthy());
    expect(within(await findElement('.staff-home__entry--appeals')).getByText('1 条待办')).toBeTruthy();
    // Hour reviews have their badge; the proofs queue failing leaves the rest standing.
    expect(within(await findElement('.staff-home__entry--hours')).getByText('2 条待办')).toBeTruthy();
    expect(within(await findElement('.staff-home__entry--proofs')).queryByText(/条待办/)).toBeNull();
    expect(within(await findElement('.staff-home__entry--review')).getByText('1 条待办')).toBeTruthy();
    // The summary adds up what waits and opens each queue.
    const pending = await findElement('.staff-home__pending');
    expect(within(pending).getByText('共 8 项待办')).toBeTruthy();
    expect(Array.from(pending.querySelectorAll('.staff-home__pending-item')).map((el) => el.textContent)).toEqual(['4举报处理', '1申诉复核', '1小组审核', '2时长审核']);
    fireEvent.click(pending.querySelector('.staff-home__pending-item--review')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/review/index' });
    fireEvent.click(within(await findElement('.staff-home__entry--dashboard')).getByText('数据看板'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/dashboard/index' });
  });
});
