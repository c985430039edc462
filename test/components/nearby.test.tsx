/**
 * "离我最近 / Nearest" on the 活动 tab: the sort choice asks for a place once a session (the
 * browser's position on H5, converted to the map datum; WeChat's map picker on the
 * mini-program), lists nearest first with each card's distance, and says so when no position
 * can be had.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ActivitiesPage from '../../src/pages/activities/index';
import { ActivityCard } from '../../src/components/ActivityCard';
import type { ActivityCard as ActivityCardData } from '../../src/shared/schemas/activities';
import { call } from '../../src/services/cloud';
import { nearPlaceStore } from '../../src/stores/nearPlace';
import { setElderly, setLocale } from '../../src/stores/settings';
import { distanceText } from '../../src/utils/activityText';
import { wgs84ToGcj02, type chooseNearPlace as ChooseNearPlace } from '../../src/utils/nearPlace';
import { translate } from '../../src/locales';
import { mockActions } from '../mocks/cloud';
import { activityCard } from './support/eventFixtures';
import { account } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const near = activityCard({ id: 'a-near', title: '楼下太极', distanceMeters: 348 });
const far = activityCard({ id: 'a-far', title: '河边健走', distanceMeters: 1234 });
const unplaced = activityCard({ id: 'a-none', title: '读书分享', distanceMeters: null });
const soonest = [activityCard({ id: 'a-near', title: '楼下太极' }), activityCard({ id: 'a-far', title: '河边健走' })];

/** GPS fix in 北苑 (WGS-84), as the browser gives it. */
const FIX = { latitude: 30.25, longitude: 120.15 };

function listInputs(): Array<Record<string, unknown>> {
  return jest
    .mocked(call)
    .mock.calls.filter(([action]) => action === 'activities.list')
    .map(([, input]) => input as Record<string, unknown>);
}

function mockServer(): void {
  mockActions({
    'account.me': () => account(),
    'inbox.list': () => ({ items: [], total: 0, hasMore: false, unread: 0 }),
    'activities.list': (input) => {
      const items = (input as { near?: unknown }).near ? [near, far, unplaced] : soonest;
      return { items, total: items.length, hasMore: false };
    },
  });
}

/** A browser position API answering with the fix, or refusing (permission denied). */
function mockGeolocation(answer: 'fix' | 'denied') {
  const getCurrentPosition = jest.fn((ok: PositionCallback, fail?: PositionErrorCallback | null) => {
    if (answer === 'fix') ok({ coords: { ...FIX, accuracy: 30 }, timestamp: 0 } as unknown as GeolocationPosition);
    else fail?.({ code: 1, message: 'denied' } as GeolocationPositionError);
  });
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
  return getCurrentPosition;
}

const radio = (name: string) => screen.getByRole('radio', { name });

beforeEach(() => {
  resetApp();
  act(() => nearPlaceStore.set(null));
});

afterEach(() => {
  act(() => {
    setLocale('zh-CN');
    setElderly(false);
  });
});

describe('nearest first', () => {
  it('asks the browser for a position, lists nearest first with distances, and goes back to time order', async () => {
    mockServer();
    const locate = mockGeolocation('fix');
    renderPage(<ActivitiesPage />);
    expect(await screen.findByText('楼下太极')).toBeTruthy();
    expect(radio('时间最近').getAttribute('aria-checked')).toBe('true');
    expect(document.querySelector('.linli-activity-card__distance')).toBeNull();

    fireEvent.click(radio('离我最近'));
    expect(await screen.findByText('350 米')).toBeTruthy();
    expect(locate).toHaveBeenCalledTimes(1);
    // The GPS fix is sent in the datum the activities' map pins use.
    const converted = wgs84ToGcj02(FIX.latitude, FIX.longitude);
    expect(converted.latitude).not.toBe(FIX.latitude);
    expect(listInputs().at(-1)).toMatchObject({ area: 'community', offset: 0, near: converted });
    expect(radio('离我最近').getAttribute('aria-checked')).toBe('true');

    const card = (id: string) => document.querySelector<HTMLElement>(`[data-activity-id="${id}"]`)!;
    expect(within(card('a-far')).getByText('1.2 公里')).toBeTruthy();
    expect(within(card('a-none')).getByText('未标注位置')).toBeTruthy();
    expect(screen.getByText('距离按：我的位置')).toBeTruthy();
    expect(screen.getByText('没有标注位置的活动排在最后')).toBeTruthy();

    fireEvent.click(radio('时间最近'));
    await waitFor(() => expect(listInputs().at(-1)!.near).toBeUndefined());
    await waitFor(() => expect(document.querySelector('.linli-activity-card__distance')).toBeNull());
    expect(screen.queryByText('距离按：我的位置')).toBeNull();
  });

  it('remembers the place for the session: coming back to the tab does not ask again', async () => {
    mockServer();
    const locate = mockGeolocation('fix');
    const first = renderPage(<ActivitiesPage />);
    await screen.findByText('楼下太极');
    fireEvent.click(radio('离我最近'));
    await screen.findByText('350 米');
    // A new page instance (a new key remounts it): only the session store remembers the place.
    first.rerender(<ActivitiesPage key='again' />);
    await screen.findByText('楼下太极');
    fireEvent.click(radio('离我最近'));
    expect(await screen.findByText('350 米')).toBeTruthy();
    expect(locate).toHaveBeenCalledTimes(1);

    // 换个地点 asks again.
    fireEvent.click(screen.getByText('换个地点'));
    await waitFor(() => expect(locate).toHaveBeenCalledTimes(2));
  });

  it('says why when the browser gives no position, and keeps time order', async () => {
    mockServer();
    mockGeolocation('denied');
    renderPage(<ActivitiesPage />);
    await screen.findByText('楼下太极');
    fireEvent.click(radio('离我最近'));
    expect((await screen.findByRole('alert')).textContent).toBe('无法获取你的位置。请在浏览器中允许定位，或在微信小程序中选择地点。');
    expect(radio('时间最近').getAttribute('aria-checked')).toBe('true');
    expect(listInputs().every((input) => input.near === undefined)).toBe(true);
    expect(document.querySelector('.linli-activity-card__distance')).toBeNull();
  });

  it('keeps the sort choice in elderly mode and shows distances in English', async () => {
    act(() => {
      setElderly(true);
      setLocale('en');
    });
    mockServer();
    mockGeolocation('fix');
    renderPage(<ActivitiesPage />);
    await screen.findByText('楼下太极');
    fireEvent.click(radio('Nearest'));
    expect(await screen.findByText('350 m')).toBeTruthy();
    expect(screen.getByText('1.2 km')).toBeTruthy();
    expect(screen.getByText('No map location')).toBeTruthy();
    expect(screen.getByText('Distance from: where I am')).toBeTruthy();
  });
});

describe('distance on a card', () => {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-CN', key, params);

  it('rounds metres to tens under a kilometre, one decimal to 10 km, whole kilometres beyond', () => {
    expect([3, 348, 994, 996, 1234, 9940, 12_600].map((m) => distanceText(t, m))).toEqual(['10 米', '350 米', '990 米', '1.0 公里', '1.2 公里', '9.9 公里', '13 公里']);
  });

  it('shows nothing about distance on a list not sorted by it', () => {
    const plain: ActivityCardData = activityCard();
    render(<ActivityCard activity={plain} onOpen={() => undefined} />);
    expect(document.querySelector('.linli-activity-card__distance')).toBeNull();
  });
});

describe('the place picker on the mini-program', () => {
  it('uses WeChat map picker and its place name; closing it is a cancel', async () => {
    const saved = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      let chooseNearPlace!: typeof ChooseNearPlace;
      let taro!: Record<string, unknown>;
      jest.isolateModules(() => {
        taro = (require('@tarojs/taro') as { default: Record<string, unknown> }).default;
        chooseNearPlace = (require('../../src/utils/nearPlace') as { chooseNearPlace: typeof ChooseNearPlace }).chooseNearPlace;
      });
      taro.chooseLocation = jest.fn(async () => ({ name: '北苑中心广场', address: '北苑路 1 号', latitude: 30.2, longitude: 120.1 }));
      expect(await chooseNearPlace(null)).toEqual({ place: { latitude: 30.2, longitude: 120.1, name: '北苑中心广场' } });
      taro.chooseLocation = jest.fn(async () => {
        throw new Error('chooseLocation:fail cancel');
      });
      expect(await chooseNearPlace(null)).toEqual({ failed: 'cancelled' });
    } finally {
      process.env.TARO_ENV = saved;
    }
  });
});
