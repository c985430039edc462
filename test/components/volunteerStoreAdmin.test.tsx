import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StoreAdminPage from '../../src/package-volunteer/store-admin/index';
import type { StoreItemView } from '../../src/shared/schemas/credits';
import { call, ClientError, messageFor, uploadImage } from '../../src/services/cloud';
import { account } from './support/fixtures';
import { contractViolations, mockCheckedActions } from './support/contractCheck';
import { committee } from './support/moderationFixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';
import { redemption, storeItem } from './support/volunteerFixtures';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

let choose: jest.SpyInstance | null = null;
beforeEach(resetApp);
afterEach(() => {
  choose?.mockRestore();
  choose = null;
  expect(contractViolations()).toEqual([]);
});

const rice = storeItem();
const soap = storeItem({ id: 'i-soap', name: '洗衣皂', cost: 10, stock: 0, perPersonLimit: 5, active: false });

const calledActions = () => jest.mocked(call).mock.calls.map(([action]) => action);
const toastTitles = () => jest.mocked(Taro.showToast).mock.calls.map(([options]) => (options as { title: string }).title);

function item(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`.store-admin__item[data-item-id="${id}"]`);
  if (!element) throw new Error(`no item ${id}`);
  return element;
}

function redemptionCard(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`.store-admin__redemptions [data-redemption-id="${id}"]`);
  if (!element) throw new Error(`no redemption ${id}`);
  return element;
}

/** The problem shown beside the field at fault (the summary by the buttons lists it too). */
const formProblem = () => document.querySelector('.store-admin__form .linli-field__error')?.textContent ?? null;

async function tab(value: 'items' | 'redemptions' | 'fulfil'): Promise<void> {
  fireEvent.click(await findElement(`[data-field="adminTab"] [data-value="${value}"]`));
}

async function click(selector: string): Promise<void> {
  const button = await findElement(selector);
  await act(async () => {
    fireEvent.click(button);
  });
}

/** The store of 北苑社区 as its committee sees it, saving items as the server would. */
function committeeStore(items: StoreItemView[] = [rice, soap]) {
  mockCheckedActions({
    'account.me': () => committee(),
    'store.items': () => ({ items, canManage: true, balance: 0 }),
    'store.saveItem': (input) =>
      storeItem({
        id: input.itemId ?? 'i-new',
        communityId: input.communityId,
        name: input.name,
        description: input.description ?? '',
        image: input.image ?? null,
        cost: input.cost,
        stock: input.stock,
        perPersonLimit: input.perPersonLimit,
        active: input.active ?? true,
      }),
  });
}

describe('points store administration', () => {
  it('shows a skeleton while loading, then the items with cost, stock, limit and whether they are on the shelf', async () => {
    let answer: (value: { items: StoreItemView[]; canManage: boolean; balance: number }) => void = () => undefined;
    mockCheckedActions({
      'account.me': () => committee(),
      'store.items': () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    renderPage(<StoreAdminPage />);
    await findElement('.linli-state--loading');
    await waitFor(() => expect(call).toHaveBeenCalledWith('store.items', { communityId: 'cm-beiyuan' }));
    expect(document.querySelector('.store-admin__item')).toBeNull();

    await act(async () => {
      answer({ items: [rice, soap], canManage: true, balance: 0 });
    });
    await findElement('.store-admin__item[data-item-id="i-rice"]');
    expect(document.querySelector('.linli-state--loading')).toBeNull();
    expect(within(item('i-rice')).getByText('东北大米 5kg')).toBeTruthy();
    expect(within(item('i-rice')).getByText('上架中')).toBeTruthy();
    expect(within(item('i-rice')).getByText('120 积分 · 库存 8 · 每人限兑 2')).toBeTruthy();
    expect(within(item('i-soap')).getByText('已下架')).toBeTruthy();
    expect(within(item('i-soap')).getByText('10 积分 · 库存 0 · 每人限兑 5')).toBeTruthy();
    // one community: no community choice
    expect(document.querySelector('[data-field="community"]')).toBeNull();

    fireEvent.click(screen.getByText('积分与星级设置'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-volunteer/pool/index?communityId=cm-beiyuan' });
  });

  it('says there are no items yet but still offers a new one', async () => {
    committeeStore([]);
    renderPage(<StoreAdminPage />);
    expect(await screen.findByText('还没有物品')).toBeTruthy();
    expect(screen.getByText('上架新物品')).toBeTruthy();
    expect(document.querySelector('.store-admin__item')).toBeNull();
  });

  it('tells staff who may not manage the store so, without the items', async () => {
    mockCheckedActions({ 'account.me': () => committee(), 'store.items': () => ({ items: [rice], canManage: false, balance: 0 }) });
    renderPage(<StoreAdminPage />);
    expect(await screen.findByText('你不能管理这个社区的积分超市')).toBeTruthy();
    expect(screen.queryByText('上架新物品')).toBeNull();
    expect(document.querySelector('.store-admin__item')).toBeNull();
  });

  it('says so when the account has no community to manage, without asking for items', async () => {
    mockCheckedActions({ 'account.me': () => account({ homeCommunity: null }) });
    renderPage(<StoreAdminPage />);
    expect(await screen.findByText('你没有可管理的社区')).toBeTruthy();
    expect(calledActions()).not.toContain('store.items');
  });

  it('shows the error with a retry when the items cannot be loaded, and the items after retrying', async () => {
    let fail = true;
    mockCheckedActions({
      'account.me': () => committee(),
      'store.items': () => {
        if (fail) throw new ClientError('FORBIDDEN', messageFor('FORBIDDEN'));
        return { items: [rice], canManage: true, balance: 0 };
      },
    });
    renderPage(<StoreAdminPage />);
    expect(await screen.findByText('没有权限进行此操作')).toBeTruthy();
    expect(screen.getByText('加载失败')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await findElement('.store-admin__item[data-item-id="i-rice"]')).toBeTruthy();
  });

  it('stocks a new item with a photo and puts it at the top of the list', async () => {
    committeeStore();
    renderPage(<StoreAdminPage />);
    await findElement('.store-admin__item[data-item-id="i-rice"]');
    fireEvent.click(screen.getByText('上架新物品'));
    await findElement('.store-admin__form');
    // a new item starts at one per person, on the shelf
    expect((await findElement<HTMLInputElement>('[data-field="limit"] input')).value).toBe('1');
    expect(document.querySelector('[data-field="active"][role="checkbox"]')!.getAttribute('aria-checked')).toBe('true');

    await typeInto('[data-field="name"]', ' 花生油 1L ');
    await typeInto('[data-field="description"]', '粮油店捐赠');
    await typeInto('[data-field="cost"]', '80');
    await typeInto('[data-field="stock"]', '12');
    await typeInto('[data-field="limit"]', '1');
    choose = jest.spyOn(Taro, 'chooseImage').mockImplementation(async () => ({ tempFilePaths: ['wxfile://tmp/oil.jpg'], tempFiles: [], errMsg: 'chooseImage:ok' }));
    await act(async () => {
      fireEvent.click(screen.getByText('添加图片'));
    });
    await findElement('.store-admin__form .linli-photo__img');
    await click('.store-admin__save');

    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('store.saveItem', {
        communityId: 'cm-beiyuan',
        name: '花生油 1L',
        description: '粮油店捐赠',
        image: 'cloud://test/store/wxfile___tmp_oil_jpg',
        cost: 80,
        stock: 12,
        perPersonLimit: 1,
        active: true,
      }),
    );
    expect(uploadImage).toHaveBeenCalledWith('wxfile://tmp/oil.jpg', 'store');
    await findElement('.store-admin__item[data-item-id="i-new"]');
    expect(document.querySelector('.store-admin__form')).toBeNull();
    expect(Array.from(document.querySelectorAll('.store-admin__item')).map((element) => element.getAttribute('data-item-id'))).toEqual(['i-new', 'i-rice', 'i-soap']);
    expect(within(item('i-new')).getByText('80 积分 · 库存 12 · 每人限兑 1')).toBeTruthy();
    expect(toastTitles()).toContain('已保存');
  });

  it('refuses a zero or negative cost, a short name, a negative stock and a zero limit before sending', async () => {
    committeeStore();
    renderPage(<StoreAdminPage />);
    await findElement('.store-admin__item[data-item-id="i-rice"]');
    fireEvent.click(screen.getByText('上架新物品'));
    await typeInto('[data-field="name"]', '花生油 1L');
    await typeInto('[data-field="stock"]', '12');

    await typeInto('[data-field="cost"]', '0');
    await click('.store-admin__save');
    await waitFor(() => expect(formProblem()).toBe('所需积分应为 1–100000 的整数'));

    await typeInto('[data-field="cost"]', '-5');
    await click('.store-admin__save');
    await waitFor(() => expect(formProblem()).toBe('所需积分应为 1–100000 的整数'));

    await typeInto('[data-field="cost"]', '80');
    await typeInto('[data-field="name"]', '油');
    await click('.store-admin__save');
    await waitFor(() => expect(formProblem()).toBe('名称需要 2–30 个字'));

    await typeInto('[data-field="name"]', '花生油 1L');
    await typeInto('[data-field="stock"]', '-1');
    await click('.store-admin__save');
    await waitFor(() => expect(formProblem()).toBe('库存应为 0–100000 的整数'));

    await typeInto('[data-field="stock"]', '12');
    await typeInto('[data-field="limit"]', '0');
    await click('.store-admin__save');
    await waitFor(() => expect(formProblem()).toBe('每人限兑应为 1–100 的整数'));

    expect(calledActions()).not.toContain('store.saveItem');
    expect(document.querySelector('.store-admin__form')).toBeTruthy();
  });

  it('edits an item in place: takes it off the shelf with its id and keeps its picture', async () => {
    committeeStore([storeItem({ image: 'cloud://test/store/rice.jpg' }), soap]);
    renderPage(<StoreAdminPage />);
    await findElement('.store-admin__item[data-item-id="i-rice"]');
    fireEvent.click(within(item('i-rice')).getByText('编辑'));
    expect(await screen.findByText('编辑物品')).toBeTruthy();
    expect((await findElement<HTMLInputElement>('[data-field="name"] input')).value).toBe('东北大米 5kg');
    expect((await findElement<HTMLInputElement>('[data-field="cost"] input')).value).toBe('120');

    await typeInto('[data-field="stock"]', '3');
    fireEvent.click(document.querySelector('[data-field="active"][role="checkbox"]')!);
    await click('.store-admin__save');

    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('store.saveItem', {
        communityId: 'cm-beiyuan',
        itemId: 'i-rice',
        name: '东北大米 5kg',
        description: '社区爱心企业捐赠',
        image: 'cloud://test/store/rice.jpg',
        cost: 120,
        stock: 3,
        perPersonLimit: 2,
        active: false,
      }),
    );
    expect(uploadImage).not.toHaveBeenCalled();
    await findElement('.store-admin__item[data-item-id="i-rice"]');
    expect(within(item('i-rice')).getByText('已下架')).toBeTruthy();
    expect(within(item('i-rice')).getByText('120 积分 · 库存 3 · 每人限兑 2')).toBeTruthy();
    expect(document.querySelectorAll('.store-admin__item')).toHaveLength(2);
  });

  it('hands over an item against its 8-digit pickup code, refusing a short one before sending', async () => {
    mockCheckedActions({
      'account.me': () => committee(),
      'store.items': () => ({ items: [rice], canManage: true, balance: 0 }),
      'store.fulfil': (input) => {
        if (input.pickupCode !== '20260415') throw new ClientError('NOT_FOUND', '取货码不存在或已使用');
        return redemption({ state: 'fulfilled', fulfilledAt: '2026-04-16T02:00:00.000Z' });
      },
    });
    renderPage(<StoreAdminPage />);
    await findElement('.store-admin__item[data-item-id="i-rice"]');
    await tab('fulfil');

    await typeInto('[data-field="pickupCode"]', '2026 041');
    await click('.store-admin__fulfil-button');
    await waitFor(() => expect(document.querySelector('[data-field="pickupCode"] .linli-field__error')?.textContent).toBe('取货码为 8 位数字'));
    expect(calledActions()).not.toContain('store.fulfil');

    await typeInto('[data-field="pickupCode"]', '1111 2222');
    await click('.store-admin__fulfil-button');
    await waitFor(() => expect(document.querySelector('[data-field="pickupCode"] .linli-field__error')?.textContent).toBe('取货码不存在或已使用'));
    expect(document.querySelector('.store-admin__last')).toBeNull();

    // read out in two groups of four, as the resident's screen shows it
    await typeInto('[data-field="pickupCode"]', '2026 0415');
    await click('.store-admin__fulfil-button');
    await waitFor(() => expect(call).toHaveBeenCalledWith('store.fulfil', { communityId: 'cm-beiyuan', pickupCode: '20260415' }));
    expect((await findElement('.store-admin__last')).textContent).toBe('已核销：东北大米 5kg（王阿姨）');
    expect(document.querySelector('[data-field="pickupCode"] .linli-field__error')).toBeNull();
    expect((await findElement<HTMLInputElement>('[data-field="pickupCode"] input')).value).toBe('');
    expect(toastTitles()).toContain('已核销：东北大米 5kg（王阿姨）');
  });

  it('lists pending redemptions and cancels one after a confirmation; all states on request', async () => {
    const pending = redemption();
    const other = redemption({ id: 'r-2', itemName: '洗衣皂', pickupCode: '11112222', cost: 10, nickname: '赵大爷' });
    const collected = redemption({ id: 'r-3', state: 'fulfilled', fulfilledAt: '2026-04-16T02:00:00.000Z' });
    mockCheckedActions({
      'account.me': () => committee(),
      'store.items': () => ({ items: [rice], canManage: true, balance: 0 }),
      'store.redemptions': (input) => {
        const items = input.state === 'pending' ? [pending, other] : [pending, other, collected];
        return { items, total: items.length, hasMore: false };
      },
      'store.cancel': (input) => redemption({ id: input.redemptionId, state: 'cancelled', cancelledAt: '2026-04-16T03:00:00.000Z' }),
    });
    renderPage(<StoreAdminPage />);
    await findElement('.store-admin__item[data-item-id="i-rice"]');
    await tab('redemptions');
    await findElement('.store-admin__redemptions [data-redemption-id="r-1"]');
    expect(call).toHaveBeenCalledWith('store.redemptions', { communityId: 'cm-beiyuan', offset: 0, limit: 20, state: 'pending' });
    expect(within(redemptionCard('r-1')).getByText('待领取')).toBeTruthy();
    expect(within(redemptionCard('r-1')).getByText(/^王阿姨 · 4月15日/)).toBeTruthy();
    expect(within(redemptionCard('r-1')).getByText('取货码 2026 0415 · 120 积分')).toBeTruthy();

    fireEvent.click(within(redemptionCard('r-1')).getByText('取消'));
    expect(await screen.findByText('积分会退回居民账户，物品回到库存。')).toBeTruthy();
    // the confirm is itself a cancellation: the dismiss says what stays (issue 16)
    expect(document.querySelector('.linli-confirm .nut-dialog-footer-ok')?.textContent).toBe('取消兑换');
    expect(document.querySelector('.linli-confirm .nut-dialog-footer-cancel')?.textContent).toBe('保留兑换');
    await confirmDialog('linli-confirm');
    await waitFor(() => expect(call).toHaveBeenCalledWith('store.cancel', { redemptionId: 'r-1' }));
    // no longer pending: gone from the pending list
    await waitFor(() => expect(document.querySelector('.store-admin__redemptions [data-redemption-id="r-1"]')).toBeNull());
    expect(redemptionCard('r-2')).toBeTruthy();
    expect(toastTitles()).toContain('已取消');

    fireEvent.click(document.querySelector('[data-field="stateFilter"] [data-value="all"]')!);
    await findElement('.store-admin__redemptions [data-redemption-id="r-3"]');
    expect(call).toHaveBeenCalledWith('store.redemptions', { communityId: 'cm-beiyuan', offset: 0, limit: 20 });
    expect(within(redemptionCard('r-3')).getByText('已领取')).toBeTruthy();
    expect(within(redemptionCard('r-3')).queryByText('取消')).toBeNull();
  });

  it('says there are no redemptions, and shows the error with a retry when they cannot be loaded', async () => {
    let fail = false;
    mockCheckedActions({
      'account.me': () => committee(),
      'store.items': () => ({ items: [rice], canManage: true, balance: 0 }),
      'store.redemptions': () => {
        if (fail) throw new ClientError('INTERNAL', messageFor('INTERNAL'));
        return { items: [], total: 0, hasMore: false };
      },
    });
    renderPage(<StoreAdminPage />);
    await findElement('.store-admin__item[data-item-id="i-rice"]');
    await tab('redemptions');
    expect(await screen.findByText('没有兑换记录')).toBeTruthy();

    fail = true;
    fireEvent.click(document.querySelector('[data-field="stateFilter"] [data-value="fulfilled"]')!);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    expect(screen.queryByText('没有兑换记录')).toBeNull();
    expect(call).toHaveBeenCalledWith('store.redemptions', { communityId: 'cm-beiyuan', offset: 0, limit: 20, state: 'fulfilled' });
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('没有兑换记录')).toBeTruthy();
    expect(screen.queryByText('服务暂时不可用，请稍后再试')).toBeNull();
  });

  it('lets staff of two communities choose which store to manage', async () => {
    mockCheckedActions({
      'account.me': () =>
        account({
          id: 'u-zhang',
          nickname: '张主任',
          roles: [
            { role: 'committee', regionId: 'cm-nanhu', regionName: '南湖社区' },
            { role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' },
          ],
        }),
      'store.items': (input) => ({ items: input.communityId === 'cm-nanhu' ? [soap] : [rice], canManage: true, balance: 0 }),
    });
    renderPage(<StoreAdminPage />);
    // the committee grants come first
    await findElement('.store-admin__item[data-item-id="i-soap"]');
    expect(call).toHaveBeenCalledWith('store.items', { communityId: 'cm-nanhu' });
    fireEvent.click(document.querySelector('[data-field="community"] [data-value="cm-beiyuan"]')!);
    await findElement('.store-admin__item[data-item-id="i-rice"]');
    expect(call).toHaveBeenCalledWith('store.items', { communityId: 'cm-beiyuan' });
    expect(document.querySelector('.store-admin__item[data-item-id="i-soap"]')).toBeNull();
  });
});
