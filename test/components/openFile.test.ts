/**
 * openFile in weapp: a cloud file id goes through wx.cloud.downloadFile (no download domain to
 * allow-list), a plain link through downloadFile; then WeChat's document viewer. Any failure
 * shows a toast in the user's language and resolves false, whoever called it.
 * TARO_ENV is read when openFile runs (a build inlines it), so the test switches it to weapp.
 */
import Taro from '@tarojs/taro';
import { openFile } from '../../src/utils/openFile';
import { shareImageOf, DEFAULT_SHARE_IMAGE } from '../../src/utils/share';

type Api = Record<string, unknown>;
const taro = Taro as unknown as Api;
const saved: Api = {};

function stub(name: string, value: unknown): void {
  if (!(name in saved)) saved[name] = taro[name];
  taro[name] = value;
}

const cloudDownload = jest.fn(async (_option: { fileID: string }) => ({ tempFilePath: 'wxfile://tmp/export.xlsx', statusCode: 200 }));
const download = jest.fn(async (_option: { url: string }) => ({ tempFilePath: 'wxfile://tmp/proof.pdf', statusCode: 200 }));
const openDocument = jest.fn(async (_option: { filePath: string; fileType: string; showMenu: boolean }) => ({ errMsg: 'openDocument:ok' }));

beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  stub('cloud', { downloadFile: cloudDownload });
  stub('downloadFile', download);
  stub('openDocument', openDocument);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  process.env.TARO_ENV = 'h5';
  for (const [name, value] of Object.entries(saved)) taro[name] = value;
  jest.restoreAllMocks();
});

describe('openFile (weapp)', () => {
  it('downloads a cloud file by its id and opens it in the document viewer', async () => {
    await expect(openFile('https://tmp.example/export.xlsx?sign=1', 'export.xlsx', 'cloud://env-1.abc/exports/e1.xlsx')).resolves.toBe(true);
    expect(cloudDownload).toHaveBeenCalledWith({ fileID: 'cloud://env-1.abc/exports/e1.xlsx' });
    expect(download).not.toHaveBeenCalled();
    expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/export.xlsx', fileType: 'xlsx', showMenu: true });
  });

  it('takes a cloud id given as the name (its extension is the type)', async () => {
    await expect(openFile('https://tmp.example/r.xlsx', 'cloud://env-1.abc/rosters/r1.xlsx')).resolves.toBe(true);
    expect(cloudDownload).toHaveBeenCalledWith({ fileID: 'cloud://env-1.abc/rosters/r1.xlsx' });
    expect(openDocument).toHaveBeenCalledWith(expect.objectContaining({ fileType: 'xlsx' }));
  });

  it('downloads a plain link when there is no cloud id', async () => {
    await expect(openFile('https://tmp.example/proof.pdf', '证明.pdf')).resolves.toBe(true);
    expect(download).toHaveBeenCalledWith({ url: 'https://tmp.example/proof.pdf' });
    expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/proof.pdf', fileType: 'pdf', showMenu: true });
  });

  it('tells the user when the viewer cannot open the file, and resolves false', async () => {
    openDocument.mockRejectedValueOnce(new Error('openDocument:fail filetype not supported'));
    await expect(openFile('https://tmp.example/x.pdf', 'x.pdf', 'cloud://env-1.abc/x.pdf')).resolves.toBe(false);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '文件打开失败，请稍后重试', icon: 'none', duration: 3000 });
  });

  it('tells the user when the download fails (a non-200 answer)', async () => {
    download.mockResolvedValueOnce({ tempFilePath: '', statusCode: 404 });
    await expect(openFile('https://tmp.example/gone.pdf', 'gone.pdf')).resolves.toBe(false);
    expect(openDocument).not.toHaveBeenCalled();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '文件打开失败，请稍后重试' }));
  });
});

describe('shareImageOf', () => {
  it('uses a cover WeChat can load, else the packaged default', () => {
    expect(shareImageOf('cloud://env-1.abc/covers/c1.jpg')).toBe('cloud://env-1.abc/covers/c1.jpg');
    expect(shareImageOf('https://img.example/c.png')).toBe('https://img.example/c.png');
    expect(shareImageOf(null)).toBe(DEFAULT_SHARE_IMAGE);
    expect(shareImageOf('/local/c.png')).toBe(DEFAULT_SHARE_IMAGE);
    expect(DEFAULT_SHARE_IMAGE).toBe('/assets/share/default.png');
  });
});
