import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RosterPage from '../../src/package-events/roster/index';
import CheckinCodePage from '../../src/package-events/code/index';
import CancelActivityPage from '../../src/package-events/cancel/index';
import { call, ClientError } from '../../src/services/cloud';
import type { InputOf, OutputOf } from '../../src/shared/api/contract';
import { ROSTER_SECTIONS } from '../../src/shared/schemas/signups';
import { SignupStatus } from '../../src/shared/schemas/activities';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { activityDetail, inHours } from './support/eventFixtures';
import { contractViolations, mockCheckedActions } from './support/contractCheck';
import { account } from './support/fixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
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

type Counts = OutputOf<'signups.roster'>['counts'];

/** signups.roster over a whole list, paged by section with counts, as the server answers it. */
function rosterPages(all: () => Entry[]) {
  return (input: InputOf<'signups.roster'>): OutputOf<'signups.roster'> => {
    const statuses = ROSTER_SECTIONS[input.section ?? 'confirmed'];
    const inSection = all().filter((item) => statuses.includes(item.status));
    const offset = input.offset ?? 0;
    const items = inSection.slice(offset, offset + (input.limit ?? 100));
    const counts = Object.fromEntries(SignupStatus.options.map((status) => [status, all().filter((item) => item.status === status).length])) as Counts;
    return { items, total: inSection.length, hasMore: offset + items.length < inSection.length, counts };
  };
}

const section = (key: string) => document.querySelector<HTMLElement>(`.roster__section--${key}`);
const summary = () => document.querySelector<HTMLElement>('.roster__summary')!;
const rosterCalls = () =>
  jest
    .mocked(call)
    .mock.calls.filter(([action]) => action === 'signups.roster')
    .map(([, input]) => input);

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
    mockCheckedActions({
      'account.me': () => account(),
      // started ten minutes ago: hand check-in and no-shows are open
      'activities.get': () => activityDetail({ startAt: inHours(-1 / 6), approvalRequired: true, abilities: leaderAbilities }),
      'signups.roster': rosterPages(() => items),
      'signups.decide': (input) => update(input.userId, { status: input.decision === 'approve' ? 'confirmed' : 'rejected' }),
      'signups.mark': (input) =>
        update(input.userId, input.mark === 'no_show' ? { status: 'no_show' } : input.mark === 'check_in' ? { checkedInAt: new Date().toISOString() } : { checkedOutAt: new Date().toISOString(), missingCheckOut: false }),
    });
    renderPage(<RosterPage />);

    expect(await screen.findByText('未签退 1 人')).toBeTruthy();
    expect(screen.getByText('由家人小芳代报名')).toBeTruthy();
    expect(within(section('pending')!).getByText('赵阿姨')).toBeTruthy();
    expect(within(section('waiting')!).getByText('钱叔叔')).toBeTruthy();
    // each section asks for its own first page
    expect(rosterCalls()).toEqual(expect.arrayContaining(['pending', 'confirmed', 'waiting', 'other'].map((key) => ({ activityId: ID, section: key, offset: 0, limit: 50 }))));

    await act(async () => {
      fireEvent.click(within(row('u-zhao')).getByText('通过'));
    });
    expect(call).toHaveBeenCalledWith('signups.decide', { activityId: ID, userId: 'u-zhao', decision: 'approve' });
    await waitFor(() => expect(within(section('confirmed')!).getByText('赵阿姨')).toBeTruthy());
    // the approval moved a seat: the counts come again from the server
    await waitFor(() => expect(within(summary()).getByText('4/10')).toBeTruthy());
    expect(section('pending')).toBeNull();

    await act(async () => {
      fireEvent.click(within(row('u-wang')).getByText('签到'));
    });
    expect(call).toHaveBeenCalledWith('signups.mark', { activityId: ID, userId: 'u-wang', mark: 'check_in' });
    await waitFor(() => expect(within(row('u-wang')).getByText(/签到$/, { selector: '.roster__times' })).toBeTruthy());

    await act(async () => {
      fireEvent.click(within(row('u-liu')).getByText('缺席'));
    });
    expect(call).toHaveBeenCalledWith('signups.mark', { activityId: ID, userId: 'u-liu', mark: 'no_show' });
    await waitFor(() => expect(within(section('other')!).getByText('刘奶奶')).toBeTruthy());

    const missing = document.querySelector<HTMLElement>('.roster__missing')!;
    await act(async () => {
      fireEvent.click(within(missing).getByText('签退'));
    });
    expect(call).toHaveBeenCalledWith('signups.mark', { activityId: ID, userId: 'u-sun', mark: 'check_out' });
    await waitFor(() => expect(document.querySelector('.roster__missing')).toBeNull());
    expect(contractViolations()).toEqual([]);
  });

  it('shows the counts from the server and loads a long section page by page', async () => {
    const items: Entry[] = [
      ...Array.from({ length: 60 }, (_, i) => entry({ userId: `u-${i + 1}`, nickname: `居民${i + 1}`, checkedInAt: i < 3 ? inHours(-0.1) : null })),
      entry({ userId: 'u-offered', nickname: '周阿姨', status: 'offered', waitSeq: 1 }),
      entry({ userId: 'u-waiting', nickname: '吴大爷', status: 'waitlisted', waitSeq: 2 }),
    ];
    mockCheckedActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ capacity: 150, abilities: leaderAbilities }),
      'signups.roster': rosterPages(() => items),
    });
    renderPage(<RosterPage />);

    await screen.findByText('居民1');
    expect(within(summary()).getByText('60/150')).toBeTruthy();
    // waiting = offered + waitlisted
    expect(within(summary()).getByText('2')).toBeTruthy();
    // 3 of the first 50 checked in says nothing about the other 10: no figure until all are loaded
    expect(within(summary()).queryByText('已签到')).toBeNull();
    expect(section('pending')).toBeNull();
    expect(section('other')).toBeNull();

    const confirmed = section('confirmed')!;
    expect(within(confirmed).getByText('60 人')).toBeTruthy();
    expect(confirmed.querySelectorAll('.roster__row').length).toBe(50);

    fireEvent.click(within(confirmed).getByText('加载更多（还有 10 人）'));
    expect(call).toHaveBeenCalledWith('signups.roster', { activityId: ID, section: 'confirmed', offset: 50, limit: 50 });
    // compare counts, not node lists: a failed try would print every row
    await waitFor(() => expect(section('confirmed')!.querySelectorAll('.roster__row').length).toBe(60));
    expect(within(section('confirmed')!).queryByText(/加载更多/)).toBeNull();
    // now every confirmed sign-up is on screen, the checked-in figure is a true one
    const checkedIn = within(summary()).getByText('已签到').parentElement!;
    expect(within(checkedIn).getByText('3')).toBeTruthy();
    expect(contractViolations()).toEqual([]);
  });

  it('removes someone with a reason, refusing an empty one in the dialog', async () => {
    let items: Entry[] = [entry({ userId: 'u-wang', nickname: '王阿姨' }), entry({ userId: 'u-qian', nickname: '钱叔叔', status: 'waitlisted', waitSeq: 1 })];
    mockCheckedActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ abilities: leaderAbilities }),
      'signups.roster': rosterPages(() => items),
      'signups.remove': (input) => {
        items = items.map((item) => (item.userId === input.userId ? { ...item, status: 'removed' } : item));
        return { entry: items.find((item) => item.userId === input.userId)! };
      },
    });
    renderPage(<RosterPage />);
    await screen.findByText('王阿姨');
    expect(within(summary()).getByText('1/10')).toBeTruthy();

    fireEvent.click(within(row('u-wang')).getByText('移出'));
    const dialog = await findElement('.linli-reason');
    expect(within(dialog).getByText('将王阿姨移出报名名单')).toBeTruthy();
    expect(dialog.querySelector('.nut-dialog-footer-ok')!.textContent).toBe('确认移出');

    await confirmDialog('linli-reason');
    expect(await within(dialog).findByRole('alert')).toHaveProperty('textContent', '请填写移出原因，至少 2 个字');
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('signups.remove');

    await typeInto('.linli-reason', '多次无故缺席');
    // the counter follows the typing
    expect(dialog.querySelector('.linli-counter')!.textContent).toBe('6/200');
    await confirmDialog('linli-reason');
    expect(call).toHaveBeenCalledWith('signups.remove', { activityId: ID, userId: 'u-wang', reason: '多次无故缺席' });

    await waitFor(() => expect(within(section('other')!).getByText('王阿姨')).toBeTruthy());
    expect(within(row('u-wang')).getByText('已移出')).toBeTruthy();
    expect(within(row('u-wang')).queryByText('移出')).toBeNull();
    await waitFor(() => expect(within(summary()).getByText('0/10')).toBeTruthy());
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已将王阿姨移出' }));
    expect(contractViolations()).toEqual([]);
  });

  it('offers no removal once the activity has ended', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ startAt: inHours(-5), abilities: leaderAbilities }),
      'signups.roster': rosterPages(() => [entry({ userId: 'u-wang', nickname: '王阿姨', checkedInAt: inHours(-4), checkedOutAt: inHours(-3) })]),
    });
    renderPage(<RosterPage />);
    await screen.findByText('王阿姨');
    expect(document.querySelector('.roster__remove')).toBeNull();
  });

  it('exports the whole list to Excel, with its busy and error states', async () => {
    let answer: (value: OutputOf<'signups.rosterExport'>) => void = () => undefined;
    let fail = true;
    mockCheckedActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ abilities: leaderAbilities }),
      'signups.roster': rosterPages(() => [entry({ userId: 'u-wang', nickname: '王阿姨' })]),
      'signups.rosterExport': () => {
        if (fail) throw new ClientError('RATE_LIMITED', '操作太频繁，请稍后再试');
        return new Promise((resolve) => {
          answer = resolve;
        });
      },
    });
    const open = jest.spyOn(window, 'open').mockReturnValue(null);
    renderPage(<RosterPage />);
    await screen.findByText('王阿姨');

    fireEvent.click(screen.getByText('导出名单 (Excel)'));
    expect(await screen.findByText('操作太频繁，请稍后再试')).toBeTruthy();

    fail = false;
    fireEvent.click(screen.getByText('导出名单 (Excel)'));
    expect(await screen.findByText('正在导出…')).toBeTruthy();
    expect(screen.queryByText('操作太频繁，请稍后再试')).toBeNull();
    await act(async () => {
      answer({ fileId: 'exports/rosters/a-1.xlsx', url: 'https://files.example/a-1.xlsx', rows: 3 });
    });
    expect(await screen.findByText('已导出 3 人的报名记录')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('signups.rosterExport', { activityId: ID });

    fireEvent.click(screen.getByText('打开文件'));
    expect(open).toHaveBeenCalledWith('https://files.example/a-1.xlsx', '_blank', 'noopener');
    open.mockRestore();
    expect(contractViolations()).toEqual([]);
  });

  it('offers no hand check-in before an hour ahead of the start', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ abilities: leaderAbilities }),
      'signups.roster': rosterPages(() => [entry({ userId: 'u-wang', nickname: '王阿姨' })]),
    });
    renderPage(<RosterPage />);
    expect(await screen.findByText('活动开始前一小时起可以手动签到。')).toBeTruthy();
    expect(within(row('u-wang')).queryByText('签到')).toBeNull();
  });

  it('lets the leader report a participant, but offers no report link on the leader\'s own row', async () => {
    mockCheckedActions({
      'account.me': () => account({ id: 'u-li', nickname: '李队长' }),
      'activities.get': () => activityDetail({ abilities: leaderAbilities }),
      'signups.roster': rosterPages(() => [entry({ userId: 'u-li', nickname: '李队长' }), entry({ userId: 'u-sun', nickname: '孙大爷', status: 'waitlisted', waitSeq: 1 })]),
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
    const pages = rosterPages(() => []);
    mockCheckedActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ abilities: leaderAbilities }),
      'signups.roster': (input) => {
        if (fail) throw new ClientError('FORBIDDEN', '没有权限进行此操作');
        return pages(input);
      },
    });
    renderPage(<RosterPage />);
    expect(await screen.findByText('没有权限进行此操作')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('还没有人报名')).toBeTruthy();
    expect(document.querySelector('.roster__section')).toBeNull();
    // nothing to export
    expect(screen.queryByText('导出名单 (Excel)')).toBeNull();
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
