/** Reporting content and people (package-me/report). */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ReportPage from '../../src/package-me/report/index';
import { call, ClientError } from '../../src/services/cloud';
import { groupVersion } from '../../src/stores/groupChanges';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account } from './support/fixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const resident = () => account();

function openReport(params: Record<string, string>) {
  Object.assign(routerParams, params);
  renderPage(<ReportPage />);
}

const choose = async (label: string) => {
  fireEvent.click(await screen.findByText(label));
};

describe('report page', () => {
  it('reports an announcement for a reason; the one that hides it refreshes its group', async () => {
    mockActions({ 'account.me': resident, 'reports.create': () => ({ reported: true, hidden: true }) });
    openReport({ type: 'post', id: 'p-1', title: '恭喜中奖！添加微信领取大礼包', groupId: 'g-taiji' });
    expect(await screen.findByText('举报公告')).toBeTruthy();
    expect(screen.getByText('恭喜中奖！添加微信领取大礼包')).toBeTruthy();
    const before = groupVersion('g-taiji');

    fireEvent.click(screen.getByText('提交举报'));
    expect(await screen.findByText('请选择举报原因')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('reports.create');

    await choose('垃圾广告');
    fireEvent.click(screen.getByText('提交举报'));
    await waitFor(() => expect(call).toHaveBeenCalledWith('reports.create', { targetType: 'post', targetId: 'p-1', reason: 'spam' }));
    expect(await screen.findByText('举报已提交')).toBeTruthy();
    expect(screen.getByText('这条内容已暂时隐藏，等待社区工作人员核实。')).toBeTruthy();
    expect(groupVersion('g-taiji')).toBe(before + 1);
    fireEvent.click(screen.getByText('返回'));
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('asks for a few words when the reason is "other"', async () => {
    mockActions({ 'account.me': resident, 'reports.create': () => ({ reported: true, hidden: false }) });
    openReport({ type: 'activity', id: 'a0123456789abcdef01234567', title: '周末护河行动' });
    await choose('其他');
    fireEvent.click(screen.getByText('提交举报'));
    expect(await screen.findByText('选择“其他”时请写明理由（至少 2 个字）')).toBeTruthy();
    await typeInto('.report__form [data-field="text"]', '  像是诈骗信息  ');
    fireEvent.click(screen.getByText('提交举报'));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('reports.create', { targetType: 'activity', targetId: 'a0123456789abcdef01234567', reason: 'other', text: '像是诈骗信息' }),
    );
    expect(await screen.findByText('谢谢你，社区工作人员会尽快核实处理。')).toBeTruthy();
  });

  it('reports a person: says so, explains what staff may do, and never claims to have hidden them', async () => {
    mockActions({ 'account.me': resident, 'reports.create': () => ({ reported: true, hidden: true }) });
    openReport({ type: 'user', id: 'u-zhao', title: '赵大爷' });
    expect(await screen.findByText('举报用户')).toBeTruthy();
    expect(screen.getByText('赵大爷')).toBeTruthy();
    expect(screen.getByText('举报人不会被公开。社区工作人员会核实，必要时暂停此人使用。')).toBeTruthy();

    await choose('辱骂或不友善');
    fireEvent.click(screen.getByText('提交举报'));
    await waitFor(() => expect(call).toHaveBeenCalledWith('reports.create', { targetType: 'user', targetId: 'u-zhao', reason: 'offensive' }));
    expect(await screen.findByText('举报已提交')).toBeTruthy();
    expect(screen.getByText('谢谢你，社区工作人员会尽快核实处理。')).toBeTruthy();
    expect(screen.queryByText('这条内容已暂时隐藏，等待社区工作人员核实。')).toBeNull();
  });

  it('says "already reported" instead of an error for a second report', async () => {
    mockActions({
      'account.me': resident,
      'reports.create': () => {
        throw new ClientError('CONFLICT', '操作冲突，请刷新后重试');
      },
    });
    openReport({ type: 'group', id: 'g-qipai', title: '北苑棋牌协会' });
    await choose('与社区无关');
    fireEvent.click(screen.getByText('提交举报'));
    expect(await screen.findByText('你已经举报过了')).toBeTruthy();
    expect(screen.queryByText('操作冲突，请刷新后重试')).toBeNull();
  });

  it('shows other failures on the form, keeping the choice', async () => {
    mockActions({
      'account.me': resident,
      'reports.create': () => {
        throw new ClientError('RATE_LIMITED', '操作太频繁，请稍后再试');
      },
    });
    openReport({ type: 'group', id: 'g-qipai' });
    await choose('辱骂或不友善');
    fireEvent.click(screen.getByText('提交举报'));
    expect(await screen.findByText('操作太频繁，请稍后再试')).toBeTruthy();
    expect((await findElement('.linli-choice[data-value="offensive"]')).getAttribute('aria-checked')).toBe('true');
  });

  it('refuses an incomplete link', async () => {
    mockActions({ 'account.me': resident });
    openReport({ type: 'comment', id: 'x' });
    expect(await screen.findByText('链接不完整，找不到要举报的内容')).toBeTruthy();
  });
});
