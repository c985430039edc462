/**
 * The poster page: asks for the activity's or group's code (the right action and id), draws
 * title, time, place, group, the code and "微信扫码查看并报名" on the canvas, downloads a PNG on
 * H5, and on the mini-program saves to the album — a refused album permission says so and
 * offers the settings. jsdom has no canvas or image decoding, so the test gives the page a
 * recording 2D context and images that load at once (browser APIs, not our code).
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PosterPage, { posterTexts } from '../../src/package-poster/poster/index';
import { isAlbumRefusal } from '../../src/package-poster/poster/savePoster';
import { wrapText } from '../../src/package-poster/poster/drawPoster';
import type { Poster } from '../../src/shared/schemas/common';
import { call } from '../../src/services/cloud';
import { translate } from '../../src/locales';
import { ClientError, mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const CODE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const activityPoster: Poster = {
  code: { image: CODE, page: 'pages/activity/index', scene: 'a0123456789abcdef01234567' },
  title: '太极拳公开课',
  groupName: '北苑晨练太极队',
  startAt: '2026-12-10T01:00:00.000Z',
  endAt: '2026-12-10T03:00:00.000Z',
  place: '北苑中心广场（北苑路 1 号）',
};
const groupPoster: Poster = { ...activityPoster, code: { image: CODE, page: 'pages/group/index', scene: 'g-taiji' }, title: '北苑晨练太极队', startAt: null, endAt: null };

interface Drawn {
  texts: string[];
  images: unknown[];
}

/** A 2D context that records what is drawn (measuring 30 units a character). */
function recordingCanvas(): Drawn {
  const drawn: Drawn = { texts: [], images: [] };
  const ctx = {
    fillStyle: '',
    font: '',
    textAlign: 'left',
    textBaseline: 'top',
    scale: jest.fn(),
    fillRect: jest.fn(),
    fillText: (text: string) => drawn.texts.push(text),
    measureText: (text: string) => ({ width: Array.from(text).length * 30 }),
    drawImage: (image: unknown) => drawn.images.push(image),
  };
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => ctx) as unknown as HTMLCanvasElement['getContext']);
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockImplementation(() => 'data:image/png;base64,UE5H');
  return drawn;
}

/** Images that finish loading right after their src is set. */
class LoadingImage {
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private source = '';
  get src(): string {
    return this.source;
  }
  set src(value: string) {
    this.source = value;
    queueMicrotask(() => this.onload?.());
  }
}

const taro = Taro as unknown as Record<string, unknown>;
const savedImage = global.Image;
const savedEnv = process.env.TARO_ENV;

beforeEach(() => {
  resetApp();
  global.Image = LoadingImage as unknown as typeof Image;
});

afterEach(() => {
  global.Image = savedImage;
  process.env.TARO_ENV = savedEnv;
  jest.restoreAllMocks();
  delete taro.canvasToTempFilePath;
  delete taro.saveImageToPhotosAlbum;
  delete taro.openSetting;
});

describe('poster page', () => {
  it("draws an activity's poster from its code and downloads it as a PNG on H5", async () => {
    const drawn = recordingCanvas();
    routerParams.kind = 'activity';
    routerParams.id = 'a0123456789abcdef01234567';
    mockActions({ 'account.me': () => account(), 'activities.poster': () => activityPoster });
    renderPage(<PosterPage />);
    await waitFor(() => expect(drawn.texts).toContain('微信扫码查看并报名'));
    expect(call).toHaveBeenCalledWith('activities.poster', { activityId: 'a0123456789abcdef01234567' });
    expect(drawn.texts).toEqual(expect.arrayContaining(['太极拳公开课', '地点：北苑中心广场（北苑路 1 号）', '组织：北苑晨练太极队']));
    // The time line wraps on the poster's width: read it back whole.
    expect(drawn.texts.join('')).toMatch(/时间：12月10日 .*09:00–11:00/);
    expect(drawn.images).toHaveLength(1);
    expect((drawn.images[0] as LoadingImage).src).toBe(CODE);

    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect([this.download, this.href]).toEqual(['邻里海报.png', 'data:image/png;base64,UE5H']);
    });
    await act(async () => {
      fireEvent.click(screen.getByText('下载海报图片'));
    });
    expect(click).toHaveBeenCalledTimes(1);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '海报图片已下载，可以打印张贴在公告栏' }));
  });

  it("asks for a group's code by its id and draws the group's lines", async () => {
    const drawn = recordingCanvas();
    routerParams.kind = 'group';
    routerParams.id = 'g-taiji';
    mockActions({ 'account.me': () => account(), 'groups.poster': () => groupPoster });
    renderPage(<PosterPage />);
    await waitFor(() => expect(drawn.texts).toContain('微信扫码查看并报名'));
    expect(call).toHaveBeenCalledWith('groups.poster', { groupId: 'g-taiji' });
    expect(drawn.texts).toEqual(expect.arrayContaining(['北苑晨练太极队', '欢迎街坊邻居加入']));
    expect(drawn.texts.some((text) => text.startsWith('时间：'))).toBe(false);
  });

  it('on the mini-program saves to the album; a refused permission says so and opens the settings', async () => {
    const drawn = recordingCanvas();
    routerParams.kind = 'activity';
    routerParams.id = 'a0123456789abcdef01234567';
    mockActions({ 'account.me': () => account(), 'activities.poster': () => activityPoster });
    renderPage(<PosterPage />);
    await waitFor(() => expect(drawn.texts).toContain('微信扫码查看并报名'));
    await act(async () => undefined);

    // The save step reads the platform when called: answer as WeChat would.
    process.env.TARO_ENV = 'weapp';
    const toFile = jest.fn(async () => ({ tempFilePath: 'wxfile://tmp/poster.png', errMsg: 'canvasToTempFilePath:ok' }));
    const save = jest.fn(async () => {
      throw { errMsg: 'saveImageToPhotosAlbum:fail auth deny' };
    });
    const openSetting = jest.fn(async () => ({ authSetting: { 'scope.writePhotosAlbum': true }, errMsg: 'openSetting:ok' }));
    Object.assign(taro, { canvasToTempFilePath: toFile, saveImageToPhotosAlbum: save, openSetting });

    await act(async () => {
      fireEvent.click(screen.getByText('下载海报图片'));
    });
    expect((await screen.findByRole('alert')).textContent).toContain('没有相册权限，海报无法保存。请在设置中允许“保存到相册”后再试。');
    expect(toFile).toHaveBeenCalledWith(expect.objectContaining({ fileType: 'png' }));
    expect(save).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });

    await act(async () => {
      fireEvent.click(screen.getByText('去设置'));
    });
    expect(openSetting).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByText('去设置')).toBeNull());

    save.mockImplementation(async () => ({ errMsg: 'saveImageToPhotosAlbum:ok' }) as never);
    await act(async () => {
      fireEvent.click(screen.getByText('下载海报图片'));
    });
    expect(save).toHaveBeenCalledTimes(2);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '海报已保存到相册，可以打印张贴在公告栏' }));
  });

  it("shows the server's refusal (not the group's leader)", async () => {
    recordingCanvas();
    routerParams.kind = 'group';
    routerParams.id = 'g-taiji';
    mockActions({
      'account.me': () => account(),
      'groups.poster': () => {
        throw new ClientError('FORBIDDEN', '你没有权限');
      },
    });
    renderPage(<PosterPage />);
    expect((await screen.findByRole('alert')).textContent).toContain('你没有权限');
  });
});

describe('poster pieces', () => {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);

  it('tells WeChat album refusals from other failures', () => {
    for (const errMsg of ['saveImageToPhotosAlbum:fail auth deny', 'saveImageToPhotosAlbum:fail auth denied', 'saveImageToPhotosAlbum:fail:auth denied', 'saveImageToPhotosAlbum:fail authorize no response']) {
      expect(isAlbumRefusal({ errMsg })).toBe(true);
    }
    expect(isAlbumRefusal({ errMsg: 'saveImageToPhotosAlbum:fail cancel' })).toBe(false);
    expect(isAlbumRefusal(new Error('disk full'))).toBe(false);
  });

  it('wraps long titles by width and marks a cut with an ellipsis', () => {
    const ctx = { measureText: (text: string) => ({ width: Array.from(text).length * 10 }) };
    expect(wrapText(ctx, '一二三四五六七', 30, 3)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText(ctx, '一二三四五六七', 30, 2)).toEqual(['一二三', '四五…']);
  });

  it('speaks English too', () => {
    expect(posterTexts(t, groupPoster)).toEqual({ brand: 'Linli · community noticeboard', title: '北苑晨练太极队', lines: ['Where: 北苑中心广场（北苑路 1 号）', 'Neighbours welcome to join'], scan: 'Scan with WeChat to see and sign up' });
  });
});
