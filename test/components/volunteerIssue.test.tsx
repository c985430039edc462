import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import IssuePage from '../../src/package-volunteer/issue/index';
import { call } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { account } from './support/fixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';
import { proof } from './support/volunteerFixtures';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const requested = proof({ abilities: ['proofs.issue', 'proofs.reject'] });
const second = proof({ id: 'p-2', volunteerName: '赵**', volunteerNo: 'V2026000002', abilities: ['proofs.issue', 'proofs.reject'] });
const toastTitles = () => jest.mocked(Taro.showToast).mock.calls.map(([options]) => (options as { title: string }).title);

describe('issuing proofs', () => {
  it('checks the person in charge before sending, issues with the statutory fields, and rejects with a reason', async () => {
    mockActions({
      'account.me': () => account(),
      'proofs.queue': () => ({ items: [requested, second], total: 2, hasMore: false }),
      'proofs.issue': (input) => ({ ...requested, state: 'issued', serialNo: 'LL2026-ABC123-00001', verificationCode: 'ABCDEFGHJK', issuedAt: '2026-04-02T02:00:00.000Z', id: input.proofId }),
      'proofs.reject': (input) => ({ ...second, state: 'rejected', rejectReason: input.reason }),
    });
    renderPage(<IssuePage />);
    expect(await screen.findByText('共 2 条')).toBeTruthy();

    fireEvent.click(within(await findElement('.issue__item[data-proof-id="p-1"]')).getByText('出具'));
    await typeInto('.issue__dialog [data-field="personInCharge"]', '张');
    await confirmDialog('issue__dialog');
    expect(await screen.findByText('负责人需要 2–30 个字')).toBeTruthy();
    expect(call).not.toHaveBeenCalledWith('proofs.issue', expect.anything());

    await typeInto('.issue__dialog [data-field="personInCharge"]', '张主任');
    await typeInto('.issue__dialog [data-field="contact"]', '0571-88886666');
    await confirmDialog('issue__dialog');
    await waitFor(() => expect(call).toHaveBeenCalledWith('proofs.issue', { proofId: 'p-1', personInCharge: '张主任', contact: '0571-88886666', remarks: '' }));
    await waitFor(() => expect(toastTitles()).toContain('已出具，编号 LL2026-ABC123-00001'));
    await waitFor(() => expect(document.querySelector('.issue__item[data-proof-id="p-1"]')).toBeNull());

    fireEvent.click(within(await findElement('.issue__item[data-proof-id="p-2"]')).getByText('拒绝'));
    await typeInto('.linli-reason', '这段时间没有本组织的服务记录');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(call).toHaveBeenCalledWith('proofs.reject', { proofId: 'p-2', reason: '这段时间没有本组织的服务记录' }));
    await waitFor(() => expect(document.querySelector('.issue__item[data-proof-id="p-2"]')).toBeNull());
  });

  it('says so when nothing waits', async () => {
    mockActions({ 'account.me': () => account(), 'proofs.queue': () => ({ items: [], total: 0, hasMore: false }) });
    renderPage(<IssuePage />);
    expect(await screen.findByText('没有待出具的证明')).toBeTruthy();
  });
});
