/**
 * The county staff's region import page: choose a file, see the dry run's report, confirm and
 * see what was done; a file with problems shows them by row and offers no import; on weapp the
 * file goes to storage first; staff below the county see no import. And the grid-area chooser:
 * chips from the community's list (an old free-text value kept as it is), or the old text field.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import RegionsImportPage from '../../src/package-staff/regions/index';
import StaffRollCallPage from '../../src/package-staff/rollcall/index';
import { GridAreaPicker } from '../../src/components/GridAreaPicker';
import type { RegionImportReport } from '../../src/shared/schemas/regions';
import { call, mockActions, uploadImportFile } from '../mocks/cloud';
import { chooseSpreadsheet, base64Of } from '../../src/utils/chooseSpreadsheet';
import { account } from './support/fixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));
jest.mock('../../src/utils/chooseSpreadsheet', () => ({
  ...jest.requireActual('../../src/utils/chooseSpreadsheet'),
  chooseSpreadsheet: jest.fn(),
}));

const chosen = chooseSpreadsheet as jest.MockedFunction<typeof chooseSpreadsheet>;

beforeEach(async () => {
  chosen.mockReset();
  await resetApp();
});

const county = () => account({ roles: [{ role: 'county', regionId: 'cty-linxi', regionName: '临溪县' }] });

function report(overrides: Partial<RegionImportReport> = {}): RegionImportReport {
  return {
    applied: false,
    county: { code: '330122000000', name: '临溪县' },
    rows: 9,
    errors: [],
    errorCount: 0,
    changes: [
      { row: 4, code: '330122001001', name: '北苑社区', level: 'community', change: 'update', fields: ['code', 'gridAreas'] },
      { row: 10, code: '330122001004', name: '西园社区', level: 'community', change: 'create', fields: [] },
    ],
    created: 1,
    updated: 1,
    unchanged: 7,
    missing: [{ id: 'cm-old', code: null, name: '老街社区', level: 'community', groups: 2 }],
    missingCount: 1,
    ...overrides,
  };
}

/** Taps "choose a file" once the page shows it, and lets the preview settle. */
async function choose(): Promise<void> {
  const button = await findElement('.regions-import__choose');
  await act(async () => {
    fireEvent.click(button);
  });
}

describe('staff: region import', () => {
  it('previews the chosen file, imports it after a confirmation and shows what was done', async () => {
    chosen.mockResolvedValue({ name: 'linxi.xlsx', size: 2048, base64: 'UEsDBA==' });
    mockActions({
      'account.me': () => county(),
      'regions.import': (input) => (input.apply ? report({ applied: true }) : report()),
    });
    renderPage(<RegionsImportPage />);
    await choose();
    expect(await screen.findByText('已选择：linxi.xlsx')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('regions.import', { source: { fileName: 'linxi.xlsx', base64: 'UEsDBA==' }, apply: false });
    expect(document.querySelector('.regions-import__count--created .regions-import__count-value')?.textContent).toBe('1');
    expect(document.querySelector('.regions-import__count--unchanged .regions-import__count-value')?.textContent).toBe('7');
    expect(screen.getByText('将要进行的更改')).toBeTruthy();
    expect(document.querySelector('[data-code="330122001001"] .regions-import__item-text')?.textContent).toBe('北苑社区 · 区划代码 · 网格');
    expect(screen.getByText('老街社区 · 2 个组织')).toBeTruthy();
    expect(call).not.toHaveBeenCalledWith('regions.import', expect.objectContaining({ apply: true }));

    fireEvent.click(await findElement('.regions-import__apply'));
    expect(await screen.findByText('将新增 1 个、更新 1 个节点，不会删除任何节点。')).toBeTruthy();
    await confirmDialog('regions-import__confirm');
    await waitFor(() => expect(call).toHaveBeenCalledWith('regions.import', { source: { fileName: 'linxi.xlsx', base64: 'UEsDBA==' }, apply: true }));
    expect(await screen.findByText('已完成的更改')).toBeTruthy();
    expect(document.querySelector('.regions-import__done')?.textContent).toBe('导入完成');
    expect(document.querySelector('.regions-import__apply')).toBeNull();
  });

  it('shows each problem with its row and offers no import', async () => {
    chosen.mockResolvedValue({ name: 'bad.csv', size: 100, base64: 'YQ==' });
    mockActions({
      'account.me': () => county(),
      'regions.import': () =>
        report({
          errors: [
            { row: 0, column: null, problem: 'COUNTY_COUNT', message: '一个文件只能导入一个区县' },
            { row: 3, column: '名称', problem: 'NAME_MISSING', message: '第 3 行：缺少名称' },
          ],
          errorCount: 2,
          changes: [],
          created: 0,
          updated: 0,
          unchanged: 0,
          missing: [],
          missingCount: 0,
        }),
    });
    renderPage(<RegionsImportPage />);
    await choose();
    expect(await screen.findByText('文件中有 2 处问题，没有导入任何内容')).toBeTruthy();
    expect(document.querySelector('[data-row="3"] .regions-import__item-head')?.textContent).toBe('第 3 行 · 名称');
    expect(document.querySelector('[data-row="0"] .regions-import__item-head')?.textContent).toBe('整个文件');
    expect(screen.getByText('第 3 行：缺少名称')).toBeTruthy();
    expect(document.querySelector('.regions-import__apply')).toBeNull();
  });

  it('on weapp the chosen file is uploaded to storage and the import reads it by its id', async () => {
    chosen.mockResolvedValue({ name: 'linxi.xlsx', size: 2048, path: 'wxfile://tmp/linxi.xlsx' });
    mockActions({ 'account.me': () => county(), 'regions.import': () => report({ changes: [], created: 0, updated: 0, unchanged: 9, missing: [], missingCount: 0 }) });
    renderPage(<RegionsImportPage />);
    await choose();
    expect(await screen.findByText('与现有区划完全一致，无需导入')).toBeTruthy();
    expect(uploadImportFile).toHaveBeenCalledWith('wxfile://tmp/linxi.xlsx', 'linxi.xlsx');
    expect(call).toHaveBeenCalledWith('regions.import', { source: { fileName: 'linxi.xlsx', fileId: 'cloud://test/imports/regions/linxi.xlsx' }, apply: false });
    expect(document.querySelector('.regions-import__apply')).toBeNull();
  });

  it('refuses a file over 2 MB before uploading it, and a cancelled choice changes nothing', async () => {
    mockActions({ 'account.me': () => county() });
    renderPage(<RegionsImportPage />);
    chosen.mockResolvedValueOnce(null);
    await choose();
    expect(screen.queryByText(/已选择/)).toBeNull();
    chosen.mockResolvedValueOnce({ name: 'huge.xlsx', size: 3 * 1024 * 1024, path: 'wxfile://tmp/huge.xlsx' });
    await choose();
    expect(await screen.findByText('文件不能超过 2 MB')).toBeTruthy();
    expect(uploadImportFile).not.toHaveBeenCalled();
    expect(call).not.toHaveBeenCalledWith('regions.import', expect.anything());
  });

  it('committee staff have no import', async () => {
    mockActions({ 'account.me': () => account({ roles: [{ role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' }] }) });
    renderPage(<RegionsImportPage />);
    expect(await screen.findByText('没有权限进行此操作')).toBeTruthy();
    expect(document.querySelector('.regions-import__choose')).toBeNull();
  });

  it('encodes chosen bytes as base64 in chunks', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 251);
    expect(base64Of(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('grid-area chooser', () => {
  it('offers the community\'s grid areas as chips, with "none", and keeps an old free-text value as it is', async () => {
    mockActions({ 'regions.gridAreas': ({ communityId }) => ({ gridAreas: communityId === 'cm-beiyuan' ? ['第一网格', '第二网格'] : [] }) });
    const onChange = jest.fn();
    render(<GridAreaPicker communityId='cm-beiyuan' value='3号网格' onChange={onChange} noneLabel='暂不选择' placeholder='如：3号网格（选填）' />);
    const chips = await waitFor(() => {
      const found = Array.from(document.querySelectorAll('.linli-choice'), (chip) => chip.textContent);
      if (found.length === 0) throw new Error('no chips yet');
      return found;
    });
    expect(chips).toEqual(['暂不选择', '第一网格', '第二网格', '3号网格']);
    expect(document.querySelector('.linli-choice--selected')?.textContent).toBe('3号网格');
    expect(document.querySelector('input')).toBeNull();
    fireEvent.click(screen.getByText('第二网格'));
    expect(onChange).toHaveBeenLastCalledWith('第二网格');
    fireEvent.click(screen.getByText('暂不选择'));
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('is the free-text field where the community has no list', async () => {
    mockActions({ 'regions.gridAreas': () => ({ gridAreas: [] }) });
    const onChange = jest.fn();
    render(<GridAreaPicker communityId='cm-nanhu' value='' onChange={onChange} noneLabel='暂不选择' placeholder='如：3号网格（选填）' />);
    const input = await findElement<HTMLInputElement>('input');
    fireEvent.input(input, { target: { value: '湖边网格' } });
    expect(onChange).toHaveBeenLastCalledWith('湖边网格');
    expect(document.querySelector('.linli-choice')).toBeNull();
  });

  it('the roll-call form targets a grid area chosen from the list', async () => {
    mockActions({
      'account.me': () => account({ roles: [{ role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' }] }),
      'regions.gridAreas': () => ({ gridAreas: ['第一网格', '第二网格'] }),
      'rollcalls.create': () => {
        throw new Error('stop here');
      },
    });
    renderPage(<StaffRollCallPage />);
    await typeInto('[data-field="title"]', '北门防汛装沙袋');
    await typeInto('[data-field="description"]', '北门低洼处需要装沙袋');
    await typeInto('[data-field="meetingPlace"]', '北苑北门岗亭');
    fireEvent.click(await findElement('[data-field="gridArea"] .linli-choice[data-value="第二网格"]'));
    await act(async () => {
      fireEvent.click(await findElement('.rollcall__submit'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('rollcalls.create', expect.objectContaining({ communityId: 'cm-beiyuan', gridArea: '第二网格' })));
  });
});
