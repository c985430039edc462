import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StorePage from '../../src/package-volunteer/store/index';
import { call, ClientError } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { account } from './support/fixtures';
import { findElement } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';
import { redemption, storeItem } from './support/volunteerFixtures';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const rice = storeItem();
const oil = storeItem({ id: 'i-oil', name: '花生油 1L', cost: 80, stock: 0 });
const soap = storeItem({ id: 'i-soap', name: '洗衣皂', cost: 10, mine: 2, perPersonLimit: 2 });

function item(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`.store__item[data-item-id="${id}"]`);
  if (!element) throw new Error(`no item ${id}`);
  return element;
}

/** Taps “redeem” on an item and confirms in the dialog. */
async function redeem(id: string): Promise<void> {
  fireEvent.click(within(item(id)).getByText('兑换'));
  const ok = await findElement('.linli-confirm .nut-dialog-footer-ok');
  await act(async () => {
    fireEvent.click(ok);
  });
}

const toastTitles = () => jest.mocked(Taro.showToast).mock.calls.map(([options]) => (options as { title: string }).title);

describe('points store', () => {
  it('lists the items of my community with cost, stock and my count against the limit', async () => {
    mockActions({ 'account.me': () => account(), 'store.items': () => ({ items: [rice, oil, soap], canManage: false, balance: 300 }) });
    renderPage(<StorePage />);
    await findElement('.store__item[data-item-id="i-rice"]');
    expect(call).toHaveBeenCalledWith('store.items', { communityId: 'cm-beiyuan' });
    expect(screen.getByText('我的积分 300')).toBeTruthy();
    expect(within(item('i-rice')).getByText('120 积分')).toBeTruthy();
    expect(within(item('i-rice')).getByText('库存 8 · 已兑 0/2')).toBeTruthy();
    expect(within(item('i-oil')).getByText('已兑完 · 已兑 0/2')).toBeTruthy();
    expect(item('i-oil').querySelector('.store__redeem')!.className).toContain('disabled');
    expect(item('i-soap').querySelector('.store__redeem')!.className).toContain('disabled');
    expect(item('i-rice').querySelector('.store__redeem')!.className).not.toContain('disabled');
    expect(document.querySelector('.store__manage')).toBeNull();
  });

  it('redeems after a confirmation and shows the pickup code in big digits', async () => {
    mockActions({
      'account.me': () => account(),
      'store.items': () => ({ items: [rice], canManage: false, balance: 300 }),
      'store.redeem': () => redemption({ pickupCode: '20260415' }),
    });
    renderPage(<StorePage />);
    await findElement('.store__item[data-item-id="i-rice"]');
    await redeem('i-rice');
    await waitFor(() => expect(call).toHaveBeenCalledWith('store.redeem', { itemId: 'i-rice' }));
    const code = await findElement('.store__code-dialog .store__code');
    expect(code.textContent).toBe('2026 0415');
    expect(screen.getByText('兑换成功')).toBeTruthy();
    expect(screen.getByText('我的积分 180')).toBeTruthy();
    expect(within(item('i-rice')).getByText('库存 7 · 已兑 1/2')).toBeTruthy();
  });

  it('says how many credits are missing when the balance is too low', async () => {
    mockActions({
      'account.me': () => account(),
      'store.items': () => ({ items: [rice], canManage: false, balance: 50 }),
      'store.redeem': () => {
        throw new ClientError('INSUFFICIENT_CREDITS', '积分不足');
      },
    });
    renderPage(<StorePage />);
    await findElement('.store__item[data-item-id="i-rice"]');
    await redeem('i-rice');
    await waitFor(() => expect(toastTitles()).toContain('积分不足：需要 120 积分，你还有 50 积分'));
    expect(document.querySelector('.store__code-dialog .store__code')?.textContent ?? '').toBe('');
  });

  it('says the item is gone when it sold out meanwhile, and loads the items again', async () => {
    let stock = 1;
    mockActions({
      'account.me': () => account(),
      'store.items': () => ({ items: [storeItem({ stock })], canManage: false, balance: 300 }),
      'store.redeem': () => {
        stock = 0;
        throw new ClientError('OUT_OF_STOCK', '这件物品已兑完');
      },
    });
    renderPage(<StorePage />);
    await findElement('.store__item[data-item-id="i-rice"]');
    await redeem('i-rice');
    await waitFor(() => expect(toastTitles()).toContain('这件物品已兑完'));
    expect(await within(item('i-rice')).findByText('已兑完 · 已兑 0/2')).toBeTruthy();
  });

  it('lists my redemptions with their codes and cancels a pending one', async () => {
    const pending = redemption();
    const collected = redemption({ id: 'r-2', itemName: '洗衣皂', state: 'fulfilled', pickupCode: '11112222', cost: 10 });
    mockActions({
      'account.me': () => account(),
      'store.items': () => ({ items: [rice], canManage: false, balance: 300 }),
      'store.mine': () => ({ items: [pending, collected], total: 2, hasMore: false }),
      'store.cancel': () => redemption({ state: 'cancelled', cancelledAt: '2026-04-16T02:00:00.000Z' }),
    });
    renderPage(<StorePage />);
    await findElement('.store__item[data-item-id="i-rice"]');
    fireEvent.click(document.querySelector('[data-field="storeTab"] [data-value="mine"]')!);
    const card = await findElement('.store__redemption[data-redemption-id="r-1"]');
    expect(within(card).getByText('2026 0415')).toBeTruthy();
    expect(within(card).getByText('待领取')).toBeTruthy();
    const done = document.querySelector<HTMLElement>('.store__redemption[data-redemption-id="r-2"]')!;
    expect(within(done).queryByText('取消兑换')).toBeNull();

    fireEvent.click(within(card).getByText('取消兑换'));
    const ok = await findElement('.linli-confirm .nut-dialog-footer-ok');
    // the confirm is itself a cancellation: the dismiss says what stays (issue 16)
    expect(ok.textContent).toBe('取消兑换');
    expect(document.querySelector('.linli-confirm .nut-dialog-footer-cancel')?.textContent).toBe('保留兑换');
    await act(async () => {
      fireEvent.click(ok);
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('store.cancel', { redemptionId: 'r-1' }));
    expect(await within(card).findByText('已取消')).toBeTruthy();
    expect(within(card).queryByText('取消兑换')).toBeNull();
  });
});
