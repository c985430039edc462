/**
 * The region import page of the REAL dist/weapp build: the file comes from wx.chooseMessageFile,
 * goes to storage with wx.cloud.uploadFile under imports/regions/, and regions.import previews
 * and then applies it by its file id, over wx.cloud.callFunction.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { account } from '../components/support/fixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'package-staff', 'regions', 'index.js'))) throw new Error(`${DIST}/package-staff/regions is missing: run \`node config/build-app.mjs weapp\``);

interface CallFunctionParam {
  name: string;
  data: { action: string; input: Record<string, unknown>; requestId?: string };
}

const report = (applied: boolean) => ({
  applied,
  county: { code: '330122000000', name: '临溪县' },
  rows: 9,
  errors: [],
  errorCount: 0,
  changes: [{ row: 4, code: '330122001001', name: '北苑社区', level: 'community', change: 'update', fields: ['gridAreas'] }],
  created: 0,
  updated: 1,
  unchanged: 8,
  missing: [],
  missingCount: 0,
});

beforeEach(() => {
  jest.resetModules();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('weapp build: package-staff/regions/index', () => {
  it('chooses a chat file, uploads it, previews and imports it by its cloud file id', async () => {
    const callFunction = jest.fn(async ({ data }: CallFunctionParam) => {
      if (data.action === 'account.me') return { result: { ok: true, data: account({ roles: [{ role: 'county', regionId: 'cty-linxi', regionName: '临溪县' }] }) } };
      if (data.action === 'regions.import') return { result: { ok: true, data: report(data.input.apply === true) } };
      return { result: { ok: false, error: { code: 'NOT_FOUND', message: data.action } } };
    });
    const uploadFile = jest.fn((options: { cloudPath: string; success?: (r: unknown) => void }) => {
      const result = { fileID: `cloud://env.bucket/${options.cloudPath}`, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
      options.success?.(result);
      return Promise.resolve(result);
    });
    const chooseMessageFile = jest.fn((options: { success?: (r: unknown) => void }) => {
      const result = { tempFiles: [{ path: 'wxfile://tmp_linxi.xlsx', size: 4096, name: 'linxi.xlsx', type: 'file', time: 0 }], errMsg: 'chooseMessageFile:ok' };
      options.success?.(result);
      return Promise.resolve(result);
    });
    const { page } = loadPage('package-staff/regions/index', { wx: { cloud: { init: jest.fn(), callFunction, uploadFile }, chooseMessageFile, showToast: jest.fn() } });

    const choose = await waitFor(() => page.querySelector('.regions-import__choose'));
    choose.dispatchEvent('tap');
    await waitFor(() => page.dom.textContent?.includes('将要进行的更改'));
    expect(chooseMessageFile).toHaveBeenCalledWith(expect.objectContaining({ count: 1, type: 'file', extension: ['xlsx', 'csv'] }));
    const cloudPath = (uploadFile.mock.calls[0]![0] as { cloudPath: string }).cloudPath;
    expect(cloudPath).toMatch(/^imports\/regions\/[A-Za-z0-9_-]+\.xlsx$/);
    const preview = callFunction.mock.calls.map(([param]) => param.data).find((d) => d.action === 'regions.import')!;
    expect(preview.input).toEqual({ source: { fileName: 'linxi.xlsx', fileId: `cloud://env.bucket/${cloudPath}` }, apply: false });
    expect(page.dom.textContent).toContain('北苑社区');

    const apply = await waitFor(() => page.querySelector('.regions-import__apply'));
    apply.dispatchEvent('tap');
    const confirm = await waitFor(() => page.querySelector('.nut-dialog-footer-ok'));
    confirm.dispatchEvent('tap');
    await waitFor(() => page.dom.textContent?.includes('已完成的更改'));
    const applied = callFunction.mock.calls.map(([param]) => param.data).filter((d) => d.action === 'regions.import');
    expect(applied).toHaveLength(2);
    expect(applied[1]!.input).toEqual({ source: { fileName: 'linxi.xlsx', fileId: `cloud://env.bucket/${cloudPath}` }, apply: true });
    expect(applied[1]!.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
