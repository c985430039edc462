import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ReviewPage from '../../src/package-staff/review/index';
import { call, ClientError } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account, groupCard, groupDetail } from './support/fixtures';
import { application, confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const committee = () => account({ id: 'u-zhang', nickname: '张主任', roles: [{ role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' }] });
const qipai = application();
const laonian = application({
  group: groupCard({ id: 'g-laonian', name: '北苑老年协会', summary: '组织老年人文体活动' }),
  managementLevel: 'filed',
  reviewerLevel: 'street',
  applicant: { nickname: '周奶奶' },
  submittedAt: '2026-03-03T02:00:00.000Z',
});

function card(groupId: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`.review__item[data-group-id="${groupId}"]`);
  if (!element) throw new Error(`no card for ${groupId}`);
  return element;
}

describe('review queue', () => {
  it('lists the applications oldest first and approves a community-managed one', async () => {
    mockActions({
      'account.me': committee,
      'groups.reviewQueue': () => ({ items: [qipai, laonian], total: 2, hasMore: false }),
      'groups.review': () => groupDetail({ id: 'g-qipai', status: 'active' }),
    });
    renderPage(<ReviewPage />);
    expect(await screen.findByText('北苑棋牌协会')).toBeTruthy();
    expect(screen.getByText('共 2 个待审核')).toBeTruthy();
    expect(Array.from(document.querySelectorAll('.review__item')).map((el) => el.getAttribute('data-group-id'))).toEqual(['g-qipai', 'g-laonian']);
    expect(within(card('g-qipai')).getByText(/申请人：钱大伯/)).toBeTruthy();
    expect(call).toHaveBeenCalledWith('groups.reviewQueue', { offset: 0, limit: 20 });

    fireEvent.click(within(card('g-qipai')).getByText('通过'));
    // community-managed: no number asked
    await findElement('.review__approve-dialog');
    expect(document.querySelector('.review__approve-dialog [data-field="number"]')).toBeNull();
    await confirmDialog('review__approve-dialog');

    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.review', { groupId: 'g-qipai', decision: 'approve' }));
    await waitFor(() => expect(document.querySelector('.review__item[data-group-id="g-qipai"]')).toBeNull());
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已通过“北苑棋牌协会”' }));
    expect(screen.getByText('共 1 个待审核')).toBeTruthy();
  });

  it('asks for the filing number of a filed group before approving', async () => {
    mockActions({
      'account.me': committee,
      'groups.reviewQueue': () => ({ items: [laonian], total: 1, hasMore: false }),
      'groups.review': () => groupDetail({ id: 'g-laonian', status: 'active', filingNumber: '城关备字〔2026〕031号' }),
    });
    renderPage(<ReviewPage />);
    await screen.findByText('北苑老年协会');
    fireEvent.click(within(card('g-laonian')).getByText('通过'));
    await findElement('.review__approve-dialog [data-field="number"]');

    await confirmDialog('review__approve-dialog');
    expect(await screen.findByText('请填写备案编号')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('groups.review');

    await typeInto('.review__approve-dialog [data-field="number"]', '城关备字〔2026〕031号');
    await typeInto('.review__approve-dialog [data-field="note"]', '材料齐全');
    await confirmDialog('review__approve-dialog');
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('groups.review', { groupId: 'g-laonian', decision: 'approve', number: '城关备字〔2026〕031号', reason: '材料齐全' }),
    );
  });

  it('declines only with a reason', async () => {
    mockActions({
      'account.me': committee,
      'groups.reviewQueue': () => ({ items: [qipai], total: 1, hasMore: false }),
      'groups.review': () => groupDetail({ id: 'g-qipai', status: 'rejected' }),
    });
    renderPage(<ReviewPage />);
    await screen.findByText('北苑棋牌协会');
    fireEvent.click(within(card('g-qipai')).getByText('拒绝'));
    await findElement('.linli-reason');

    await confirmDialog('linli-reason');
    expect(await screen.findByText('请填写理由（至少 2 个字）')).toBeTruthy();

    await typeInto('.linli-reason', '请补充活动场地和安全措施');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.review', { groupId: 'g-qipai', decision: 'reject', reason: '请补充活动场地和安全措施' }));
    await waitFor(() => expect(screen.getByText('没有待审核的申请')).toBeTruthy());
  });

  it('keeps the dialog open with the server error when the review fails', async () => {
    mockActions({
      'account.me': committee,
      'groups.reviewQueue': () => ({ items: [qipai], total: 1, hasMore: false }),
      'groups.review': () => {
        throw new ClientError('FORBIDDEN', '没有权限进行此操作');
      },
    });
    renderPage(<ReviewPage />);
    await screen.findByText('北苑棋牌协会');
    fireEvent.click(within(card('g-qipai')).getByText('通过'));
    await confirmDialog('review__approve-dialog');
    expect(await screen.findByText('没有权限进行此操作')).toBeTruthy();
    expect(document.querySelector('.review__item[data-group-id="g-qipai"]')).toBeTruthy();
  });

  it('puts the application opened from its group page first', async () => {
    routerParams.id = 'g-laonian';
    mockActions({ 'account.me': committee, 'groups.reviewQueue': () => ({ items: [qipai, laonian], total: 2, hasMore: false }) });
    renderPage(<ReviewPage />);
    await screen.findByText('北苑老年协会');
    expect(Array.from(document.querySelectorAll('.review__item')).map((el) => el.getAttribute('data-group-id'))).toEqual(['g-laonian', 'g-qipai']);
    expect(card('g-laonian').className).toContain('review__item--focused');
  });

  it('shows empty and error states', async () => {
    let fail = true;
    mockActions({
      'account.me': committee,
      'groups.reviewQueue': () => {
        if (fail) throw new ClientError('INTERNAL', '服务暂时不可用，请稍后再试');
        return { items: [], total: 0, hasMore: false };
      },
    });
    renderPage(<ReviewPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('没有待审核的申请')).toBeTruthy();
  });
});
