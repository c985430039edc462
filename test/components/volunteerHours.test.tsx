import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HoursPage from '../../src/package-volunteer/hours/index';
import { call, ClientError } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { triggerLifecycle } from '../mocks/taro';
import { account } from './support/fixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';
import { hourRecord, hoursMine, profile } from './support/volunteerFixtures';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

function record(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`.hours__record[data-record-id="${id}"]`);
  if (!element) throw new Error(`no record ${id}`);
  return element;
}

describe('my volunteer hours', () => {
  it('shows the total in hours, the star level with progress, the yearly and group totals and what waits for the leader', async () => {
    mockActions({
      'account.me': () => account(),
      'volunteers.me': () => ({ profile: profile({ totalMinutes: 7530, stars: 1 }) }),
      'hours.mine': () =>
        hoursMine({
          awaiting: [{ activityId: 'a-9', title: '社区垃圾分类宣传', startAt: '2026-04-10T01:00:00.000Z', checkedInAt: '2026-04-10T00:55:00.000Z', checkedOutAt: null }],
        }),
    });
    renderPage(<HoursPage />);
    // 7530 minutes = 125.5 hours
    expect((await findElement('.hours__total')).textContent).toBe('125.5');
    expect(document.querySelector('.hours__stars')!.getAttribute('data-stars')).toBe('1');
    expect(screen.getAllByText('1 星志愿者').length).toBeGreaterThan(0);
    // 100 h for one star, 300 h for two: 25.5 of 200 hours done, 174.5 to go
    expect(screen.getByText('再服务 174.5 小时可达 2 星')).toBeTruthy();
    expect(document.querySelector('.hours__progress')!.getAttribute('aria-valuenow')).toBe('13');
    expect(screen.getByText('2026 年')).toBeTruthy();
    expect(screen.getByText('25.5h')).toBeTruthy();
    expect(screen.getByText('100.0h')).toBeTruthy();
    expect(screen.getByText('社区垃圾分类宣传')).toBeTruthy();
    expect(screen.getByText(/未签退/)).toBeTruthy();
    expect(screen.getByText('编号 V2026000001')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('hours.mine', { offset: 0, limit: 20 });
  });

  it('lists records with source, state, who recorded them and when, and pages on', async () => {
    const selfReport = hourRecord({ id: 'h-2', source: 'self_report', state: 'pending', recordedBy: '王秀英', confirmedBy: null, confirmedAt: null, minutes: 90, credits: 0 });
    const reversal = hourRecord({ id: 'h-3', source: 'reversal', minutes: -30, credits: -5, recordedBy: '张主任' });
    mockActions({
      'account.me': () => account(),
      'volunteers.me': () => ({ profile: profile() }),
      'hours.mine': (input) =>
        input.offset === 0 ? hoursMine({ records: { items: [hourRecord(), selfReport], total: 3, hasMore: true } }) : hoursMine({ records: { items: [reversal], total: 3, hasMore: false } }),
    });
    renderPage(<HoursPage />);
    await findElement('.hours__record[data-record-id="h-1"]');
    expect(within(record('h-1')).getByText('签到')).toBeTruthy();
    expect(within(record('h-1')).getByText('已确认')).toBeTruthy();
    expect(within(record('h-1')).getByText('2.5h')).toBeTruthy();
    expect(within(record('h-1')).getByText('+25 积分')).toBeTruthy();
    expect(within(record('h-1')).getByText(/^李队长 记录于 3月1日/)).toBeTruthy();
    expect(within(record('h-2')).getByText('自行申报')).toBeTruthy();
    expect(within(record('h-2')).getByText('待审核')).toBeTruthy();
    // only a confirmed original can be corrected
    expect(within(record('h-2')).queryByText('申请更正')).toBeNull();

    await act(async () => {
      triggerLifecycle('reachBottom');
    });
    await findElement('.hours__record[data-record-id="h-3"]');
    expect(call).toHaveBeenCalledWith('hours.mine', { offset: 2, limit: 20 });
    expect(within(record('h-3')).getByText('冲销')).toBeTruthy();
    expect(within(record('h-3')).getByText('-0.5h')).toBeTruthy();
    expect(within(record('h-3')).queryByText('申请更正')).toBeNull();
  });

  it('sends a correction with the new duration and a reason, and marks the record', async () => {
    mockActions({
      'account.me': () => account(),
      'volunteers.me': () => ({ profile: profile() }),
      'hours.mine': () => hoursMine(),
      'hours.requestCorrection': () => ({ correctionId: 'c-1' }),
    });
    renderPage(<HoursPage />);
    await findElement('.hours__record[data-record-id="h-1"]');
    fireEvent.click(within(record('h-1')).getByText('申请更正'));
    await findElement('.hours__correction-dialog [data-field="hours"] input');

    await typeInto('.hours__correction-dialog [data-field="hours"]', '3');
    await typeInto('.hours__correction-dialog [data-field="minutes"]', '15');
    await confirmDialog('hours__correction-dialog');
    expect(await screen.findByText('原因至少 5 个字')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('hours.requestCorrection');

    await typeInto('.hours__correction-dialog [data-field="reason"]', '签退时忘记扫码，实际服务到 12:15');
    await confirmDialog('hours__correction-dialog');
    await waitFor(() => expect(call).toHaveBeenCalledWith('hours.requestCorrection', { recordId: 'h-1', minutes: 195, reason: '签退时忘记扫码，实际服务到 12:15' }));
    expect(await within(record('h-1')).findByText('更正申请处理中')).toBeTruthy();
    expect(within(record('h-1')).queryByText('申请更正')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交更正申请' }));
  });

  it('offers registration to someone who is not a volunteer, without asking for hours', async () => {
    mockActions({ 'account.me': () => account(), 'volunteers.me': () => ({ profile: null }) });
    renderPage(<HoursPage />);
    expect(await screen.findByText('还没有登记为志愿者')).toBeTruthy();
    fireEvent.click(screen.getByText('去登记'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-volunteer/register/index' });
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('hours.mine');
  });

  it('shows an error with retry when the hours cannot be loaded, and an empty state without records', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'volunteers.me': () => ({ profile: profile() }),
      'hours.mine': () => {
        if (fail) throw new ClientError('INTERNAL', '服务暂时不可用，请稍后再试');
        return hoursMine({ records: { items: [], total: 0, hasMore: false } });
      },
    });
    renderPage(<HoursPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('还没有服务记录')).toBeTruthy();
  });
});
