import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RosterPage from '../../src/package-events/roster/index';
import CheckinCodePage from '../../src/package-events/code/index';
import CancelActivityPage from '../../src/package-events/cancel/index';
import { call, ClientError } from '../../src/services/cloud';
import type { OutputOf } from '../../src/shared/api/contract';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { activityDetail, inHours } from './support/eventFixtures';
import { account } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

type Entry = OutputOf<'signups.roster'>['items'][number];

const ID = 'a0123456789abcdef01234567';
const leaderAbilities = ['activities.view', 'activities.edit', 'activities.cancel', 'signups.manage', 'checkin.show'];

function entry(overrides: Partial<Entry>): Entry {
  return { signupId: `s-${overrides.userId}`, userId: 'u-x', nickname: '某人', status: 'confirmed', waitSeq: null, proxy: null, checkedInAt: null, checkedOutAt: null, missingCheckOut: false, ...overrides };
}

beforeEach(() => {
  resetApp();
  routerParams.id = ID;
});

const row = (userId: string) => document.querySelector<HTMLElement>(`.roster__row[data-user-id="${userId}"]`)!;

describe('roster (报名名单)', () => {
  it('approves, checks in by hand, marks a no-show, and lists missing check-outs', async () => {
    let items: Entry[] = [
      entry({ userId: 'u-wang', nickname: '王阿姨' }),
      entry({ userId: 'u-liu', nickname: '刘奶奶', proxy: { nickname: '小芳', relation: 'family' } }),
      entry({ userId: 'u-zhao', nickname: '赵阿姨', status: 'pending_approval' }),
      entry({ userId: 'u-sun', nickname: '孙大爷', checkedInAt: inHours(-3), missingCheckOut: true }),
      entry({ userId: 'u-qian', nickname: '钱叔叔', status: 'waitlisted', waitSeq: 1 }),
    ];
    const update = (userId: string, change: Partial<Entry>) => {
      items = items.map((item) => (item.userId === userId ? { ...item, ...change } : item));
      return { entry: items.find((item) => item.userId === userId)! };
    };
    mockActions({
      'account.me': () => account(),
      // started ten minutes ago: hand check-in and no-shows are open
      'activities.get': () => activityDetail({ startAt: inHours(-1 / 6), approvalRequired: true, abilities: leaderAbilities }),
      'signups.roster': () => ({ items }),
      'signups.decide': (input) => update(input.userId, { status: input.decision === 'approve' ? 'confirmed' : 'rejected' }),
      'signups.mark': (input) =>
        update(input.userId, input.mark === 'no_show' ? { status: 'no_show' } : input.mark === 'check_in' ? { checkedInAt: new Date().toISOString() } : { checkedOutAt: new Date().toISOString(), missingCheckOut: false }),
    });
    renderPage(<RosterPage />);

    expect(await screen.findByText('未签退 1 人')).toBeTruthy();
    expect(screen.getByText('由家人小芳代报名')).toBeTruthy();
    expect(within(document.querySelector<HTMLElement>('.roster__section--pending')!).getByText('赵阿姨')).toBeTruthy();
    expect(within(document.querySelector<HTMLElement>('.roster__section--waiting')!).getByText('钱叔叔')).toBeTruthy();

    await act(async () => {
      fireEvent.click(within(row('u-zhao')).getByText('通过'));
    });
    expect(call).toHaveBeenCalledWith('signups.decide', { activityId: ID, userId: 'u-zhao', decision: 'approve' });
    await waitFor(() => expect(within(document.querySelector<HTMLElement>('.roster__section--confirmed')!).getByText('赵阿姨')).toBeTruthy());

    await act(async () => {
      fireEvent.click(within(row('u-wang')).getByText('签到'));
    });
    expect(call).toHaveBeenCalledWith('signups.mark', { activityId: ID, userId: 'u-wang', mark: 'check_in' });
    await waitFor(() => expect(within(row('u-wang')).getByText(/签到$/, { selector: '.roster__times' })).toBeTruthy());

    await act(async () => {
      fireEvent.click(within(row('u-liu')).getByText('缺席'));
    });
    expect(call).toHaveBeenCalledWith('signups.mark', { activityId: ID, userId: 'u-liu', mark: 'no_show' });

    const missing = document.querySelector<HTMLElement>('.roster__missing')!;
    await act(async () => {
      fireEvent.click(within(missing).getByText('签退'));
    });
    expect(call).toHaveBeenCalledWith('signups.mark', { activityId: ID, userId: 'u-sun', mark: 'check_out' });
    await waitFor(() => expect(document.querySelector('.roster__missing')).toBeNull());
  });

  it('offers no hand check-in before an hour ahead of the start', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ abilities: leaderAbilities }),
      'signups.roster': () => ({ items: [entry({ userId: 'u-wang', nickname: '王阿姨' })] }),
    });
    renderPage(<RosterPage />);
    expect(await screen.findByText('活动开始前一小时起可以手动签到。')).toBeTruthy();
    expect(within(row('u-wang')).queryByText('签到')).toBeNull();
  });

  it('lets the leader report a participant, but offers no report link on the leader\'s own row', async () => {
    mockActions({
      'account.me': () => account({ id: 'u-li', nickname: '李队长' }),
      'activities.get': () => activityDetail({ abilities: leaderAbilities }),
      'signups.roster': () => ({ items: [entry({ userId: 'u-li', nickname: '李队长' }), entry({ userId: 'u-sun', nickname: '孙大爷', status: 'waitlisted', waitSeq: 1 })] }),
    });
    renderPage(<RosterPage />);
    await screen.findByText('孙大爷');
    await waitFor(() => expect(row('u-sun').querySelector('.roster__report')).not.toBeNull());
    expect(row('u-li').querySelector('.linli-report-link')).toBeNull();

    fireEvent.click(within(row('u-sun')).getByText('举报'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/package-me/report/index?type=user&id=u-sun&title=${encodeURIComponent('孙大爷')}` });
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('signups.mark');
  });

  it('shows an empty roster and an error with retry', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ abilities: leaderAbilities }),
      'signups.roster': () => {
        if (fail) throw new ClientError('FORBIDDEN', '没有权限进行此操作');
        return { items: [] };
      },
    });
    renderPage(<RosterPage />);
    expect(await screen.findByText('没有权限进行此操作')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('还没有人报名')).toBeTruthy();
  });
});

describe('check-in code (签到码)', () => {
  it('shows the QR and six big digits, fetches the next code when this one expires, and retries a failed fetch', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      let codes = 0;
      mockActions({
        'account.me': () => account(),
        'activities.get': () => activityDetail({ abilities: leaderAbilities }),
        'checkin.code': () => {
          codes += 1;
          // the second fetch fails (the hall's network dropped); the page tries again
          if (codes === 2) throw new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试');
          const code = codes === 1 ? '123456' : '654321';
          return { code, qr: 'data:image/png;base64,AAAA', payload: `http://127.0.0.1/#/pages/checkin/index?scene=${ID}.${code}`, expiresAt: new Date(Date.now() + 30_000).toISOString() };
        },
      });
      renderPage(<CheckinCodePage />);
      await waitFor(() => expect(document.querySelector('.checkin-code__digits')?.textContent).toBe('123 456'));
      expect(document.querySelector('.checkin-code__refresh')!.textContent).toMatch(/^\d+ 秒后自动更换$/);

      await act(async () => {
        jest.advanceTimersByTime(31_000);
      });
      await waitFor(() => expect(document.querySelector('.checkin-code__error')?.textContent).toBe('网络不太顺畅，请检查网络后重试'));
      // the old code stays up meanwhile
      expect(document.querySelector('.checkin-code__digits')?.textContent).toBe('123 456');
      await act(async () => {
        jest.advanceTimersByTime(5_000);
      });
      await waitFor(() => expect(document.querySelector('.checkin-code__digits')?.textContent).toBe('654 321'));
      expect(codes).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows an error with retry', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ abilities: leaderAbilities }),
      'checkin.code': () => {
        if (fail) throw new ClientError('FORBIDDEN', '没有权限进行此操作');
        return { code: '111222', qr: 'data:image/png;base64,AAAA', payload: '', expiresAt: new Date(Date.now() + 60_000).toISOString() };
      },
    });
    renderPage(<CheckinCodePage />);
    expect(await screen.findByText('没有权限进行此操作')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('111 222')).toBeTruthy();
  });
});

describe('cancel an activity (取消活动)', () => {
  it('needs a reason, asks once more, then cancels and goes back', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ capacity: 10, seatsLeft: 4, waitlistLength: 2, abilities: leaderAbilities }),
      'activities.cancel': () => activityDetail({ status: 'cancelled', cancelReason: '天气原因，活动取消' }),
    });
    renderPage(<CancelActivityPage />);
    expect(await screen.findByText('已报名 6 人、候补 2 人会收到取消通知。')).toBeTruthy();

    fireEvent.click(document.querySelector('.events-cancel__submit')!);
    expect(await screen.findByText('取消原因需要 2–200 个字')).toBeTruthy();

    fireEvent.click(document.querySelector('.events-cancel__quick [data-value="events.cancel.reasonWeather"]')!);
    fireEvent.click(document.querySelector('.events-cancel__submit')!);
    const ok = await waitFor(() => {
      const button = document.querySelector<HTMLElement>('.linli-confirm .nut-dialog-footer-ok');
      if (!button) throw new Error('confirm dialog not open');
      return button;
    });
    await act(async () => {
      fireEvent.click(ok);
    });
    expect(call).toHaveBeenCalledWith('activities.cancel', { activityId: ID, reason: '天气原因，活动取消' });
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });

  it('is not offered without the ability', async () => {
    mockActions({ 'account.me': () => account(), 'activities.get': () => activityDetail() });
    renderPage(<CancelActivityPage />);
    expect(await screen.findByText('你不能取消这个活动')).toBeTruthy();
    expect(document.querySelector('.events-cancel__submit')).toBeNull();
  });
});
