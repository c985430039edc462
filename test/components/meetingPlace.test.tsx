/**
 * Where a group meets, in the leader's edit form: marked with the browser's position on H5
 * (sent in GCJ-02, the datum of WeChat's map picker), named and addressed, sent only when it
 * changed; a half-filled place is refused before sending; clearing it sends null. The
 * mini-program's map picker fills all four at once.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import EditPage from '../../src/package-leader/edit/index';
import { call } from '../../src/services/cloud';
import { wgs84ToGcj02 } from '../../src/utils/nearPlace';
import { MeetingPlaceField } from '../../src/package-leader/components/MeetingPlaceField';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account } from './support/fixtures';
import { findElement, leaderGroup, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const FIX = { latitude: 30.27, longitude: 120.15 };

function mockGeolocation() {
  const getCurrentPosition = jest.fn((ok: PositionCallback) => ok({ coords: { ...FIX, accuracy: 20 }, timestamp: 0 } as unknown as GeolocationPosition));
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
  return getCurrentPosition;
}

beforeEach(() => {
  resetApp();
  routerParams.id = 'g-taiji';
});

const save = async () => {
  await act(async () => {
    fireEvent.click(document.querySelector<HTMLElement>('.edit__save')!);
  });
};

describe('meeting place in the edit form', () => {
  it('marks where I am, names the place and sends it; a half-filled place is refused first', async () => {
    mockGeolocation();
    mockActions({ 'account.me': () => account(), 'groups.get': () => leaderGroup({ place: null }), 'groups.update': () => leaderGroup() });
    renderPage(<EditPage />);
    await findElement('[data-field="place"]');
    expect(screen.getByText('还没有标在地图上，不参加“离我最近”排序')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByText('用我现在的位置标注'));
    });
    expect(await screen.findByText('已按你现在的位置标注')).toBeTruthy();
    await typeInto('[data-field="placeName"]', '北苑中心广场');
    await save();
    expect((await screen.findAllByText('请把地点名称和详细地址都填上，或都留空')).length).toBeGreaterThan(0);
    expect(jest.mocked(call).mock.calls.some(([action]) => action === 'groups.update')).toBe(false);

    await typeInto('[data-field="placeAddress"]', '北苑路 1 号');
    await save();
    const at = wgs84ToGcj02(FIX.latitude, FIX.longitude);
    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.update', { groupId: 'g-taiji', place: { name: '北苑中心广场', address: '北苑路 1 号', ...at } }));
  });

  it('keeps a stored place unless changed, and clearing it sends null', async () => {
    const place = { name: '北苑中心广场', address: '北苑路 1 号', latitude: 30.27412, longitude: 120.15523 };
    mockActions({ 'account.me': () => account(), 'groups.get': () => leaderGroup({ place }), 'groups.update': () => leaderGroup({ place: null }) });
    renderPage(<EditPage />);
    expect((await findElement<HTMLInputElement>('[data-field="placeName"] input')).value).toBe('北苑中心广场');
    expect(screen.getByText('已按你现在的位置标注')).toBeTruthy();
    await save();
    expect(await screen.findByText('没有需要保存的修改')).toBeTruthy();

    fireEvent.click(screen.getByText('清除地点'));
    await save();
    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.update', { groupId: 'g-taiji', place: null }));
  });
});

describe('the map picker on the mini-program', () => {
  it('fills name, address and point from WeChat, and a closed picker changes nothing', async () => {
    const saved = process.env.TARO_ENV;
    const taro = Taro as unknown as Record<string, unknown>;
    const browserPicker = taro.chooseLocation;
    process.env.TARO_ENV = 'weapp';
    try {
      taro.chooseLocation = jest.fn(async () => ({ name: '北苑中心广场', address: '北苑路 1 号', latitude: 30.2, longitude: 120.1 }));
      const onChange = jest.fn();
      renderPage(<MeetingPlaceField value={{ name: '', address: '', latitude: null, longitude: null }} onChange={onChange} />);
      await act(async () => {
        fireEvent.click(screen.getByText('在地图上选择'));
      });
      expect(onChange).toHaveBeenLastCalledWith({ name: '北苑中心广场', address: '北苑路 1 号', latitude: 30.2, longitude: 120.1 });
      taro.chooseLocation = jest.fn(async () => {
        throw new Error('chooseLocation:fail cancel');
      });
      await act(async () => {
        fireEvent.click(screen.getByText('在地图上选择'));
      });
      expect(onChange).toHaveBeenCalledTimes(1);
    } finally {
      process.env.TARO_ENV = saved;
      taro.chooseLocation = browserPicker;
    }
  });
});
