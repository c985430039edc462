import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ProofsPage from '../../src/package-volunteer/proofs/index';
import VerifyPage from '../../src/package-volunteer/verify/index';
import { call } from '../../src/services/cloud';
import { hasSession, mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account, groupCard } from './support/fixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';
import { proof } from './support/volunteerFixtures';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const member = groupCard({ myMembership: { status: 'active', role: 'member', since: '2025-06-01T00:00:00.000Z' } });
const issued = proof({ id: 'p-2', state: 'issued', serialNo: 'BY-2026-0007', issuedAt: '2026-04-03T02:00:00.000Z', verificationCode: 'AB12CD34EF' });
const openSpy = jest.fn();

beforeAll(() => {
  Object.assign(window, { open: openSpy });
});

function card(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`.proofs__item[data-proof-id="${id}"]`);
  if (!element) throw new Error(`no proof ${id}`);
  return element;
}

describe('service proofs (volunteer)', () => {
  it('requests a proof from one of my groups or my committee and lists it first', async () => {
    mockActions({
      'account.me': () => account(),
      'memberships.mine': () => ({ groups: [member], requests: [] }),
      'proofs.mine': () => ({ items: [issued], total: 1, hasMore: false }),
      'proofs.request': (input) => proof({ id: 'p-3', issuerType: input.issuerType, issuerId: input.issuerId, issuerName: '北苑社区居委会', from: input.from, to: input.to }),
    });
    renderPage(<ProofsPage />);
    await findElement('[data-field="issuerChoice"] [data-value="community:cm-beiyuan"]');
    expect(screen.getByText('北苑社区居委会')).toBeTruthy();
    expect(document.querySelector('[data-field="issuerChoice"] [data-value="group:g-taiji"]')!.textContent).toBe('北苑晨练太极队');

    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('请选择出具单位')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('proofs.request');

    fireEvent.click(document.querySelector('[data-field="issuerChoice"] [data-value="community:cm-beiyuan"]')!);
    await typeInto('[data-field="purpose"]', '评优');
    await act(async () => {
      fireEvent.click(screen.getByText('提交申请'));
    });
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('proofs.request', expect.objectContaining({ issuerType: 'community', issuerId: 'cm-beiyuan', purpose: '评优' })),
    );
    await findElement('.proofs__item[data-proof-id="p-3"]');
    expect(Array.from(document.querySelectorAll('.proofs__item')).map((el) => el.getAttribute('data-proof-id'))).toEqual(['p-3', 'p-2']);
    expect(within(card('p-3')).getByText('处理中')).toBeTruthy();
  });

  it('shows an issued proof with its serial and verification code, and opens the download in a new tab', async () => {
    mockActions({
      'account.me': () => account(),
      'memberships.mine': () => ({ groups: [member], requests: [] }),
      'proofs.mine': () => ({ items: [issued, proof({ id: 'p-4', state: 'rejected', rejectReason: '该期间没有本组织的服务记录' })], total: 2, hasMore: false }),
      'proofs.download': () => ({ url: 'http://127.0.0.1:8080/files/proofs/p-2.pdf?sig=x', fileName: '志愿服务证明-BY-2026-0007.pdf' }),
    });
    renderPage(<ProofsPage />);
    await findElement('.proofs__item[data-proof-id="p-2"]');
    expect(within(card('p-2')).getByText('已出具')).toBeTruthy();
    expect(within(card('p-2')).getByText('编号 BY-2026-0007')).toBeTruthy();
    expect(within(card('p-2')).getByText('AB12CD34EF')).toBeTruthy();
    // A proof is read years later: its issue date always carries the year.
    expect(within(card('p-2')).getByText('2026年4月3日 周五')).toBeTruthy();
    expect(within(card('p-4')).getByText('未通过原因：该期间没有本组织的服务记录')).toBeTruthy();
    expect(within(card('p-4')).queryByText('下载证明')).toBeNull();

    await act(async () => {
      fireEvent.click(within(card('p-2')).getByText('下载证明'));
    });
    await waitFor(() => expect(openSpy).toHaveBeenCalledWith('http://127.0.0.1:8080/files/proofs/p-2.pdf?sig=x', '_blank', 'noopener'));
    expect(call).toHaveBeenCalledWith('proofs.download', { proofId: 'p-2' });
  });

  it('exports my records as a record, not a proof', async () => {
    mockActions({
      'account.me': () => account(),
      'memberships.mine': () => ({ groups: [], requests: [] }),
      'proofs.mine': () => ({ items: [], total: 0, hasMore: false }),
      'records.export': () => ({ url: 'http://127.0.0.1:8080/files/exports/r.pdf', fileName: '志愿服务记录.pdf' }),
    });
    renderPage(<ProofsPage />);
    expect(await screen.findByText('还没有申请过证明')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('导出服务记录'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('records.export', {}));
    expect(openSpy).toHaveBeenCalledWith('http://127.0.0.1:8080/files/exports/r.pdf', '_blank', 'noopener');
  });
});

describe('verifying a proof (public)', () => {
  const valid = {
    valid: true as const,
    serialNo: 'BY-2026-0007',
    volunteerName: '王*英',
    idNumber: '110105********0021',
    volunteerNo: 'V2026000001',
    minutes: 1530,
    from: '2026-01-01',
    to: '2026-03-31',
    issuerName: '北苑晨练太极队',
    personInCharge: '李桂芳',
    issuedAt: '2026-04-03T02:00:00.000Z',
  };

  it('checks the code of the link at once and shows only the masked data, without signing in', async () => {
    hasSession.mockImplementation(() => false);
    routerParams.code = 'ab12cd34ef';
    mockActions({ 'proofs.verify': () => valid });
    renderPage(<VerifyPage />);
    expect(await screen.findByText('证明有效')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('proofs.verify', { code: 'AB12CD34EF' });
    expect(screen.getByText('110105********0021')).toBeTruthy();
    expect(screen.getByText('王*英')).toBeTruthy();
    expect(screen.getByText('25.5 小时')).toBeTruthy();
    expect(screen.getByText('BY-2026-0007')).toBeTruthy();
    expect(screen.getByText('2026年4月3日 周五')).toBeTruthy();
    // no account is loaded and nobody is sent to the sign-in page
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).toEqual(['proofs.verify']);
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it("checks the code of the proof's mini-program code (its scene) at once", async () => {
    hasSession.mockImplementation(() => false);
    routerParams.scene = 'AB12CD34EF';
    mockActions({ 'proofs.verify': () => valid });
    renderPage(<VerifyPage />);
    expect(await screen.findByText('证明有效')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('proofs.verify', { code: 'AB12CD34EF' });
  });

  it('says clearly when no proof matches, and checks the format before asking', async () => {
    mockActions({ 'proofs.verify': () => ({ valid: false as const }) });
    renderPage(<VerifyPage />);
    await typeInto('[data-field="code"]', 'AB12');
    fireEvent.click(screen.getByText('核验'));
    expect(await screen.findByText('核验码为 10 位字母或数字')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();

    await typeInto('[data-field="code"]', 'zz99-yy88-xx');
    await act(async () => {
      fireEvent.click(screen.getByText('核验'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('proofs.verify', { code: 'ZZ99YY88XX' }));
    expect(await screen.findByText('未找到有效证明')).toBeTruthy();
    expect(screen.queryByText('证明有效')).toBeNull();
    expect(document.querySelector('.verify__result--invalid')).toBeTruthy();
  });
});
