import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import ReviewPage from '../../src/package-volunteer/review/index';
import type { OutputOf } from '../../src/shared/api/contract';
import { call } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { account } from './support/fixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

type Item = OutputOf<'hours.queue'>['items'][number];

const selfReport: Item = {
  kind: 'self_report',
  source: 'self_report',
  id: 'hs-1',
  recordId: 'hs-1',
  nickname: '孙阿姨',
  groupName: '北苑邻里互助队',
  serviceDate: '2026-11-18',
  minutes: 90,
  requestedMinutes: null,
  content: '帮独居老人买菜送药',
  reason: null,
  evidence: 'http://127.0.0.1:8080/files/evidence.jpg',
  createdAt: '2026-11-18T04:00:00.000Z',
  overdue: true,
};
const correction: Item = {
  ...selfReport,
  kind: 'correction',
  source: null,
  id: 'hc-1',
  recordId: 'hr-9',
  nickname: '周师傅',
  minutes: 60,
  requestedMinutes: 120,
  content: '北苑助老送餐',
  reason: '我一直服务到活动结束',
  evidence: null,
  overdue: false,
};

const item = (id: string) => findElement(`.review__item[data-item-id="${id}"]`);

describe('hours review queue', () => {
  it('names what a pending record is: a neighbour\'s need or a care visit, not a self-report', async () => {
    mockActions({
      'account.me': () => account(),
      'hours.queue': () => ({ items: [{ ...selfReport, id: 'hn-1', recordId: 'hn-1', source: 'need' }, { ...selfReport, id: 'hv-1', recordId: 'hv-1', source: 'care_visit' }], total: 2, hasMore: false }),
    });
    renderPage(<ReviewPage />);
    expect(within(await item('hn-1')).getByText('邻里互助')).toBeTruthy();
    expect(within(await item('hv-1')).getByText('关爱探访')).toBeTruthy();
    expect(within(await item('hv-1')).queryByText('自行申报')).toBeNull();
  });

  it('shows self-reports and corrections, marks the overdue, approves one and rejects the other with a reason', async () => {
    mockActions({
      'account.me': () => account(),
      'hours.queue': () => ({ items: [selfReport, correction], total: 2, hasMore: false }),
      'hours.review': () => ({ state: 'confirmed' }),
      'hours.reviewCorrection': () => ({ state: 'rejected' }),
    });
    renderPage(<ReviewPage />);
    expect(await screen.findByText('共 2 条待处理')).toBeTruthy();
    expect(within(await item('hs-1')).getByText('已超时')).toBeTruthy();
    expect(within(await item('hc-1')).queryByText('已超时')).toBeNull();
    expect(within(await item('hc-1')).getByText(/我一直服务到活动结束/)).toBeTruthy();

    fireEvent.click(within(await item('hs-1')).getByText('通过'));
    await confirmDialog('linli-confirm');
    await waitFor(() => expect(call).toHaveBeenCalledWith('hours.review', { recordId: 'hs-1', approve: true }));
    await waitFor(() => expect(document.querySelector('.review__item[data-item-id="hs-1"]')).toBeNull());

    fireEvent.click(within(await item('hc-1')).getByText('驳回'));
    await typeInto('.linli-reason', '签退记录显示提前离开');
    await act(async () => {
      await confirmDialog('linli-reason');
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('hours.reviewCorrection', { correctionId: 'hc-1', approve: false, reason: '签退记录显示提前离开' }));
    await waitFor(() => expect(document.querySelector('.review__item[data-item-id="hc-1"]')).toBeNull());
  });

  it('says so when nothing waits', async () => {
    mockActions({ 'account.me': () => account(), 'hours.queue': () => ({ items: [], total: 0, hasMore: false }) });
    renderPage(<ReviewPage />);
    expect(await screen.findByText('没有待处理的申报')).toBeTruthy();
  });
});
