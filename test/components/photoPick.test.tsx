/**
 * The one photo picker of every form (src/components/PhotoPick, issue 17): one photo or up to N,
 * chosen from the album or the camera, shown, removed; a cancelled picker changes nothing and says
 * nothing, any other failure says so; each control is a button named by what it shows or does,
 * usable from the keyboard, inert while the form is sent. Its sizes: test/app/photoPick.test.ts.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PhotoPick, type PickedPhoto } from '../../src/components/PhotoPick';
import { setLocale } from '../../src/stores/settings';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

let chooser: jest.SpyInstance;

beforeEach(() => {
  resetApp();
  jest.mocked(Taro.showToast).mockClear();
});
afterEach(() => jest.restoreAllMocks());

/** The picker answers each call with the next list of temp paths. */
function chooses(...answers: string[][]) {
  chooser = jest.spyOn(Taro, 'chooseImage');
  for (const paths of answers) chooser.mockImplementationOnce(async () => ({ tempFilePaths: paths, tempFiles: [], errMsg: 'chooseImage:ok' }));
}

/** The picker fails the way WeChat's chooseImage does: `{ errMsg }`. */
function fails(errMsg: string) {
  chooser = jest.spyOn(Taro, 'chooseImage').mockImplementation(() => Promise.reject({ errMsg }));
}

function OnePhoto({ initial = null, disabled, spy }: { initial?: PickedPhoto | null; disabled?: boolean; spy?: (value: PickedPhoto | null) => void }) {
  const [photo, setPhoto] = useState<PickedPhoto | null>(initial);
  return <PhotoPick value={photo} onChange={(value) => (spy?.(value), setPhoto(value))} disabled={disabled} />;
}

function ManyPhotos({ max, spy }: { max: number; spy?: (value: PickedPhoto[]) => void }) {
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  return <PhotoPick max={max} value={photos} onChange={(value) => (spy?.(value), setPhotos(value))} />;
}

const shown = () => Array.from(document.querySelectorAll<HTMLElement>('.linli-photo__img')).map((img) => img.getAttribute('src'));

async function press(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element);
  });
}

describe('one photo', () => {
  it('chooses from the album or the camera, shows it, and removes it', async () => {
    const spy = jest.fn();
    chooses(['wxfile://tmp/a.jpg']);
    renderPage(<OnePhoto spy={spy} />);

    await press(screen.getByRole('button', { name: '添加图片' }));
    expect(chooser).toHaveBeenCalledWith({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    expect(spy).toHaveBeenLastCalledWith({ path: 'wxfile://tmp/a.jpg', fileId: null });
    expect(shown()).toEqual(['wxfile://tmp/a.jpg']);
    expect(screen.queryByRole('button', { name: '添加图片' })).toBeNull();

    await press(screen.getByRole('button', { name: '删除图片' }));
    expect(spy).toHaveBeenLastCalledWith(null);
    expect(shown()).toEqual([]);
    expect(screen.getByRole('button', { name: '添加图片' })).toBeTruthy();
  });

  it('a cancelled picker changes nothing and says nothing', async () => {
    const spy = jest.fn();
    fails('chooseImage:fail cancel');
    renderPage(<OnePhoto spy={spy} />);
    await press(screen.getByRole('button', { name: '添加图片' }));
    expect(chooser).toHaveBeenCalledTimes(1);
    expect(spy).not.toHaveBeenCalled();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('any other failure says so in a toast and keeps the photo there was', async () => {
    const spy = jest.fn();
    chooses(['wxfile://tmp/a.jpg']);
    renderPage(<OnePhoto spy={spy} />);
    await press(screen.getByRole('button', { name: '添加图片' }));
    await press(screen.getByRole('button', { name: '删除图片' }));
    fails('chooseImage:fail auth deny');
    await press(screen.getByRole('button', { name: '添加图片' }));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '没能打开相册或相机，请再试一次', icon: 'none' }));
    expect(spy).toHaveBeenCalledTimes(2);
    expect(shown()).toEqual([]);
  });

  it('shows a photo the form already has (an item being edited)', () => {
    renderPage(<OnePhoto initial={{ path: 'cloud://test/store/rice.jpg', fileId: 'cloud://test/store/rice.jpg' }} />);
    expect(shown()).toEqual(['cloud://test/store/rice.jpg']);
  });

  it('takes no tap or key while the form is sent', async () => {
    const spy = jest.fn();
    chooses(['wxfile://tmp/a.jpg']);
    const { rerender } = renderPage(<OnePhoto key='empty' disabled spy={spy} />);
    const add = screen.getByRole('button', { name: '添加图片' });
    expect(add.getAttribute('aria-disabled')).toBe('true');
    await press(add);
    fireEvent.keyDown(add, { key: 'Enter' });
    expect(chooser).not.toHaveBeenCalled();

    rerender(<OnePhoto key='chosen' disabled spy={spy} initial={{ path: 'wxfile://tmp/b.jpg', fileId: null }} />);
    await press(screen.getByRole('button', { name: '删除图片' }));
    expect(spy).not.toHaveBeenCalled();
    expect(shown()).toEqual(['wxfile://tmp/b.jpg']);
  });

  it('opens the picker from the keyboard', async () => {
    chooses(['wxfile://tmp/a.jpg']);
    renderPage(<OnePhoto />);
    await act(async () => {
      fireEvent.keyDown(screen.getByRole('button', { name: '添加图片' }), { key: 'Enter' });
    });
    expect(shown()).toEqual(['wxfile://tmp/a.jpg']);
  });
});

describe('up to N photos', () => {
  it('asks only for the room left, counts what is chosen, and stops at the most', async () => {
    chooses(['blob:1', 'blob:2'], ['blob:3', 'blob:4']);
    renderPage(<ManyPhotos max={3} />);
    // The name holds the visible words and the count.
    await press(screen.getByRole('button', { name: '添加图片 0/3' }));
    expect(chooser).toHaveBeenLastCalledWith(expect.objectContaining({ count: 3 }));
    expect(shown()).toEqual(['blob:1', 'blob:2']);
    expect(screen.getByText('2/3')).toBeTruthy();

    // H5's file input cannot cap how many are picked: only the room left is kept.
    await press(screen.getByRole('button', { name: '添加图片 2/3' }));
    expect(chooser).toHaveBeenLastCalledWith(expect.objectContaining({ count: 1 }));
    expect(shown()).toEqual(['blob:1', 'blob:2', 'blob:3']);
    expect(document.querySelector('.linli-photo--add')).toBeNull();
  });

  it('removes the photo asked for and keeps the order of the rest', async () => {
    const spy = jest.fn();
    chooses(['blob:1', 'blob:2', 'blob:3']);
    renderPage(<ManyPhotos max={9} spy={spy} />);
    await press(screen.getByRole('button', { name: '添加图片 0/9' }));
    await press(screen.getByRole('button', { name: '删除第 2 张图片' }));
    expect(spy).toHaveBeenLastCalledWith([
      { path: 'blob:1', fileId: null },
      { path: 'blob:3', fileId: null },
    ]);
    expect(shown()).toEqual(['blob:1', 'blob:3']);
    expect(screen.getByRole('button', { name: '添加图片 2/9' })).toBeTruthy();
  });

  it('speaks English', async () => {
    act(() => setLocale('en'));
    chooses(['blob:1']);
    renderPage(<ManyPhotos max={9} />);
    await press(screen.getByRole('button', { name: 'Add a photo 0/9' }));
    expect(screen.getByRole('button', { name: 'Remove photo 1' })).toBeTruthy();
  });
});
