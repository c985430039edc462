import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CreditsPage from '../../src/package-volunteer/credits/index';
import type { OutputOf } from '../../src/shared/api/contract';
import { call, ClientError, messageFor } from '../../src/services/cloud';
import { triggerLifecycle } from '../mocks/taro';
import { account } from './support/fixtures';
import { contractViolations, mockCheckedActions } from './support/contractCheck';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);
afterEach(() => expect(contractViolations()).toEqual([]));

type CreditsMine = OutputOf<'credits.mine'>;
type Entry = CreditsMine['entries']['items'][number];

function entry(overrides: Partial<Entry> = {}): Entry {
  return { id: 'e-1', amount: 25, kind: 'earned', memo: '重阳节敬老院慰问演出', createdAt: '2026-03-01T07:00:00.000Z', expiresAt: '2029-03-01T07:00:00.000Z', ...overrides };
}

function creditsMine(overrides: Partial<CreditsMine> = {}): CreditsMine {
  return { balance: 300, expiringSoon: null, timeBank: false, entries: { items: [entry()], total: 1, hasMore: false }, ...overrides };
}

const earned = entry();
const redeemed = entry({ id: 'e-2', amount: -120, kind: 'redeemed', memo: '兑换：东北大米 5kg', createdAt: '2026-04-15T02:00:00.000Z', expiresAt: null });
const granted = entry({ id: 'e-3', amount: 50, kind: 'granted', memo: '社区表彰', createdAt: '2026-01-10T02:00:00.000Z' });

const calledActions = () => jest.mocked(call).mock.calls.map(([action]) => action);
const toastTitles = () => jest.mocked(Taro.showToast).mock.calls.map(([options]) => (options as { title: string }).title);

function row(kind: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`.credits__entry--${kind}`);
  if (!element) throw new Error(`no ${kind} entry`);
  return element;
}

/** A time-bank community whose balance moves with the transfers and donations the page sends. */
function timeBank(start = 300, handlers: { transfer?: () => void; donate?: () => void } = {}) {
  let balance = start;
  mockCheckedActions({
    'account.me': () => account(),
    'credits.mine': () => creditsMine({ balance, timeBank: true }),
    'credits.transfer': (input) => {
      handlers.transfer?.();
      balance -= input.amount;
      return { balance };
    },
    'credits.donate': (input) => {
      handlers.donate?.();
      balance -= input.amount;
      return { balance };
    },
  });
}

async function openMove(label: '转给志愿者' | '捐给社区'): Promise<void> {
  await findElement('.credits__bank');
  fireEvent.click(screen.getByText(label));
  await findElement('.credits__dialog [data-field="amount"] input');
}

/** The move dialog is on screen (NutUI hides a closed one before removing it). */
const dialogOpen = () => {
  const dialog = document.querySelector<HTMLElement>('.credits__dialog .nut-dialog');
  return dialog !== null && dialog.style.display !== 'none';
};

const dialogError = () => document.querySelector('.credits__dialog [role="alert"]')?.textContent ?? null;

describe('my credits', () => {
  it('shows a skeleton while loading, then the balance, what expires soon and the entries', async () => {
    let answer: (value: CreditsMine) => void = () => undefined;
    mockCheckedActions({
      'account.me': () => account(),
      'credits.mine': () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    renderPage(<CreditsPage />);
    await findElement('.linli-state--loading');
    expect(document.querySelector('.credits__balance')).toBeNull();

    await act(async () => {
      answer(creditsMine({ balance: 255, expiringSoon: { amount: 50, at: '2026-05-01T02:00:00.000Z' }, entries: { items: [earned, redeemed], total: 2, hasMore: false } }));
    });
    expect((await findElement('.credits__balance')).textContent).toBe('255');
    expect(document.querySelector('.linli-state--loading')).toBeNull();
    expect(call).toHaveBeenCalledWith('credits.mine', { offset: 0, limit: 20 });
    expect(document.querySelector('.credits__expiring')!.textContent).toBe('50 积分将于 2026年5月1日 周五 过期');
    expect(within(row('earned')).getByText('服务获得')).toBeTruthy();
    expect(within(row('earned')).getByText('重阳节敬老院慰问演出')).toBeTruthy();
    expect(within(row('earned')).getByText('+25')).toBeTruthy();
    expect(within(row('earned')).getByText('2029年3月1日 周四 到期')).toBeTruthy();
    expect(within(row('redeemed')).getByText('兑换')).toBeTruthy();
    expect(within(row('redeemed')).getByText('-120')).toBeTruthy();
    expect(row('redeemed').querySelector('.credits__amount--out')).toBeTruthy();
    // no time bank in this community: neither transfer nor donation is offered
    expect(document.querySelector('.credits__bank')).toBeNull();
    expect(screen.queryByText('转给志愿者')).toBeNull();

    fireEvent.click(screen.getByText('去积分超市'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-volunteer/store/index' });
  });

  it('loads the next page of entries at the bottom of the list', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'credits.mine': (input) =>
        input.offset === 0
          ? creditsMine({ entries: { items: [earned, redeemed], total: 3, hasMore: true } })
          : creditsMine({ entries: { items: [granted], total: 3, hasMore: false } }),
    });
    renderPage(<CreditsPage />);
    await findElement('.credits__entry--redeemed');
    expect(document.querySelector('.credits__entry--granted')).toBeNull();
    await act(async () => {
      triggerLifecycle('reachBottom');
    });
    expect(within(await findElement('.credits__entry--granted')).getByText('社区发放')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('credits.mine', { offset: 2, limit: 20 });
    expect(document.querySelectorAll('.credits__entry')).toHaveLength(3);
  });

  it('says there are no entries yet, with the balance still shown', async () => {
    mockCheckedActions({ 'account.me': () => account(), 'credits.mine': () => creditsMine({ balance: 0, entries: { items: [], total: 0, hasMore: false } }) });
    renderPage(<CreditsPage />);
    expect(await screen.findByText('还没有积分记录')).toBeTruthy();
    expect(screen.getByText('志愿时长确认后会获得积分，可在积分超市兑换物品。')).toBeTruthy();
    expect(document.querySelector('.credits__balance')!.textContent).toBe('0');
    expect(document.querySelector('.credits__entry')).toBeNull();
  });

  it('shows the error with a retry when the credits cannot be loaded, and the balance after retrying', async () => {
    let fail = true;
    mockCheckedActions({
      'account.me': () => account(),
      'credits.mine': () => {
        if (fail) throw new ClientError('INTERNAL', messageFor('INTERNAL'));
        return creditsMine();
      },
    });
    renderPage(<CreditsPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    expect(screen.getByText('加载失败')).toBeTruthy();
    expect(document.querySelector('.credits__balance')).toBeNull();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect((await findElement('.credits__balance')).textContent).toBe('300');
  });

  it('transfers to a volunteer number with a note, then shows the new balance', async () => {
    timeBank(300);
    renderPage(<CreditsPage />);
    expect(await screen.findByText('本社区已开通时间银行，积分可以转给其他志愿者或捐给社区积分池。')).toBeTruthy();
    await openMove('转给志愿者');
    expect(screen.getByText('转出积分')).toBeTruthy();
    // typed in lower case, with spaces: sent as the number is written
    await typeInto('.credits__dialog [data-field="to"]', ' v2026000002 ');
    await typeInto('.credits__dialog [data-field="amount"]', '30');
    await typeInto('.credits__dialog [data-field="note"]', '谢谢帮我买菜');
    await confirmDialog('credits__dialog');

    await waitFor(() => expect(call).toHaveBeenCalledWith('credits.transfer', { toVolunteerNo: 'V2026000002', amount: 30, note: '谢谢帮我买菜' }));
    expect(toastTitles()).toContain('已转出，余额 270');
    await waitFor(() => expect(document.querySelector('.credits__balance')!.textContent).toBe('270'));
    await waitFor(() => expect(dialogOpen()).toBe(false));
  });

  it('refuses an empty or malformed volunteer number and an amount outside 1–10000 before sending', async () => {
    timeBank(300);
    renderPage(<CreditsPage />);
    await openMove('转给志愿者');
    await typeInto('.credits__dialog [data-field="amount"]', '30');
    await confirmDialog('credits__dialog');
    await waitFor(() => expect(dialogError()).toBe('志愿者编号格式为 V 加 10 位数字'));

    await typeInto('.credits__dialog [data-field="to"]', 'V20260001');
    await confirmDialog('credits__dialog');
    await waitFor(() => expect(dialogError()).toBe('志愿者编号格式为 V 加 10 位数字'));

    await typeInto('.credits__dialog [data-field="to"]', 'V2026000002');
    await typeInto('.credits__dialog [data-field="amount"]', '0');
    await confirmDialog('credits__dialog');
    await waitFor(() => expect(dialogError()).toBe('请填写 1–10000 之间的整数'));

    await typeInto('.credits__dialog [data-field="amount"]', '10001');
    await confirmDialog('credits__dialog');
    await waitFor(() => expect(dialogError()).toBe('请填写 1–10000 之间的整数'));

    // the dialog stays open with what was typed, and nothing was sent
    expect(dialogOpen()).toBe(true);
    expect((await findElement<HTMLInputElement>('.credits__dialog [data-field="to"] input')).value).toBe('V2026000002');
    expect(calledActions()).not.toContain('credits.transfer');
    expect(document.querySelector('.credits__balance')!.textContent).toBe('300');
  });

  it('keeps the dialog open with the server’s message when the transfer is refused', async () => {
    timeBank(20, {
      transfer: () => {
        throw new ClientError('INSUFFICIENT_CREDITS', '积分不足');
      },
    });
    renderPage(<CreditsPage />);
    await openMove('转给志愿者');
    await typeInto('.credits__dialog [data-field="to"]', 'V2026000002');
    await typeInto('.credits__dialog [data-field="amount"]', '30');
    await confirmDialog('credits__dialog');
    await waitFor(() => expect(call).toHaveBeenCalledWith('credits.transfer', { toVolunteerNo: 'V2026000002', amount: 30 }));
    await waitFor(() => expect(dialogError()).toBe('积分不足'));
    expect(dialogOpen()).toBe(true);
    expect(document.querySelector('.credits__balance')!.textContent).toBe('20');
    expect(toastTitles().some((title) => title.startsWith('已转出'))).toBe(false);
  });

  it('donates to the community pool, then shows the new balance', async () => {
    timeBank(300);
    renderPage(<CreditsPage />);
    await openMove('捐给社区');
    expect(dialogOpen()).toBe(true);
    expect(screen.getByText('捐给社区积分池')).toBeTruthy();
    expect(screen.getByText('捐出的积分由居委会用于奖励其他志愿者，不能撤回。')).toBeTruthy();
    // a donation has no recipient and no note
    expect(document.querySelector('.credits__dialog [data-field="to"]')).toBeNull();
    expect(document.querySelector('.credits__dialog [data-field="note"]')).toBeNull();

    await typeInto('.credits__dialog [data-field="amount"]', 'abc');
    await confirmDialog('credits__dialog');
    await waitFor(() => expect(dialogError()).toBe('请填写 1–10000 之间的整数'));
    expect(calledActions()).not.toContain('credits.donate');

    await typeInto('.credits__dialog [data-field="amount"]', '20');
    await confirmDialog('credits__dialog');
    await waitFor(() => expect(call).toHaveBeenCalledWith('credits.donate', { amount: 20 }));
    expect(toastTitles()).toContain('感谢捐赠，余额 280');
    await waitFor(() => expect(document.querySelector('.credits__balance')!.textContent).toBe('280'));
    await waitFor(() => expect(dialogOpen()).toBe(false));
    expect(calledActions()).not.toContain('credits.transfer');
  });
});
