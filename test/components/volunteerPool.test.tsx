import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import PoolPage from '../../src/package-volunteer/pool/index';
import { call } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account } from './support/fixtures';
import { findElement } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const pool = (canManage: boolean) => ({
  communityId: 'cm-beiyuan',
  timeBank: false,
  starThresholds: [100, 300, 600, 1000, 1500],
  creditExpiryYears: 3,
  selfReportCreditsPerHour: 10,
  pool: 40,
  store: 250,
  issued: 1200,
  expired: 0,
  canManage,
});

/** Types into the Taro input inside a form field (the native input appears a moment after mount). */
async function fill(field: string, value: string): Promise<void> {
  const input = await findElement<HTMLInputElement>(`[data-field="${field}"] input`);
  fireEvent.input(input, { target: { value } });
}

describe('credits and star levels of a community', () => {
  it('shows the balances and saves the settings, including the self-report rate', async () => {
    routerParams.communityId = 'cm-beiyuan';
    mockActions({
      'account.me': () => account(),
      'credits.pool': () => pool(true),
      'volunteerSettings.update': (input) => ({ ...pool(true), ...input }),
      'credits.postings': () => ({
        items: [{ id: 'e1', account: 'store', amount: 30, kind: 'redeemed', memo: '兑换：环保购物袋', createdAt: '2026-11-20T02:00:00.000Z', expiresAt: null }],
        total: 1,
        hasMore: false,
      }),
    });
    renderPage(<PoolPage />);
    expect(await screen.findByText('1200')).toBeTruthy();
    // The committee sees its community's own movements.
    expect(await screen.findByText('积分超市 · 兑换')).toBeTruthy();
    expect(screen.getByText('+30')).toBeTruthy();
    expect((await findElement<HTMLInputElement>('[data-field="selfReportRate"] input')).value).toBe('10');
    await fill('selfReportRate', '15');
    await act(async () => {
      fireEvent.click(document.querySelector<HTMLElement>('.pool__save')!);
    });
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('volunteerSettings.update', {
        communityId: 'cm-beiyuan',
        timeBank: false,
        starThresholds: [100, 300, 600, 1000, 1500],
        creditExpiryYears: 3,
        selfReportCreditsPerHour: 15,
      }),
    );
  });

  it('refuses a rate outside 0–100 before sending', async () => {
    routerParams.communityId = 'cm-beiyuan';
    mockActions({ 'account.me': () => account(), 'credits.pool': () => pool(true), 'credits.postings': () => ({ items: [], total: 0, hasMore: false }) });
    renderPage(<PoolPage />);
    // Typed only once the form shows the loaded rate: the form takes the loaded settings after it
    // renders, and typing before that could be overwritten on a slow machine.
    const rate = await findElement<HTMLInputElement>('[data-field="selfReportRate"] input');
    await waitFor(() => expect(rate.value).toBe('10'));
    await fill('selfReportRate', '500');
    await act(async () => {
      fireEvent.click(await findElement('.pool__save'));
    });
    expect(await screen.findByText('每小时积分为 0–100')).toBeTruthy();
    expect(call).not.toHaveBeenCalledWith('volunteerSettings.update', expect.anything());
  });

  it('is read-only for those who may not manage the community', async () => {
    routerParams.communityId = 'cm-beiyuan';
    mockActions({ 'account.me': () => account(), 'credits.pool': () => pool(false) });
    renderPage(<PoolPage />);
    await findElement('.pool__readonly');
    expect(document.querySelector('.pool__save')).toBeNull();
  });
});
