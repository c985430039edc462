/** Background jobs on screen: an export's rows done of rows to write, then its file; a failed job's error; a roll-call's notices going out. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import '../../src/package-staff/locale';
import { ExportButton } from '../../src/package-staff/components/ExportButton';
import StaffRollCallPage from '../../src/package-staff/rollcall/index';
import { JOB_POLL_MS, JobProgress } from '../../src/package-staff/components/JobProgress';
import type { ExportOutput } from '../../src/shared/schemas/console';
import { call } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account } from './support/fixtures';
import { findElement } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const job = (done: number, state: ExportOutput['state'], file: ExportOutput['file'] = null): ExportOutput => ({ id: 'jx-county', state, done, total: 2500, error: null, kind: 'hours', file });

/** Answers each progress poll only when the test says so, so every step on screen can be checked. */
function pollsByHand() {
  const waiting: Array<(answer: ExportOutput) => void> = [];
  return {
    poll: () => new Promise<ExportOutput>((resolve) => waiting.push(resolve)),
    async answer(next: ExportOutput) {
      await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
      waiting.shift()!(next);
    },
  };
}

describe('job progress', () => {
  it('a county export shows rows done of rows to write as it goes, then the file', async () => {
    const polls = pollsByHand();
    mockActions({ 'dashboard.export': () => job(0, 'queued'), 'exports.get': polls.poll });
    renderPage(<ExportButton regionId='cty-linxi' kind='hours' label='志愿服务时长' pollMs={0} />);
    fireEvent.click(screen.getByText('志愿服务时长'));
    const item = await findElement('.staff-export__item[data-export="hours"]');
    expect(await within(item).findByText('排队中，马上开始…')).toBeTruthy();
    expect(within(item).getByText('可以离开本页，稍后回来查看')).toBeTruthy();

    await polls.answer(job(1000, 'running'));
    expect(await within(item).findByText('正在导出：1000/2500 行')).toBeTruthy();
    expect(within(item).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    expect((item.querySelector('.staff-job__bar') as HTMLElement).style.width).toBe('40%');

    await polls.answer(job(2000, 'running'));
    expect(await within(item).findByText('正在导出：2000/2500 行')).toBeTruthy();

    await polls.answer(job(2500, 'done', { fileId: 'exports/cty-linxi/hours-jx-county.xlsx', url: 'http://127.0.0.1:8080/files/hours.xlsx', rows: 2500 }));
    expect(await within(item).findByText('已导出 2500 行')).toBeTruthy();
    expect(within(item).getByText('http://127.0.0.1:8080/files/hours.xlsx')).toBeTruthy();
    expect(within(item).queryByRole('progressbar')).toBeNull();
    expect(jest.mocked(call).mock.calls.filter(([action]) => action === 'exports.get')).toEqual([
      ['exports.get', { jobId: 'jx-county' }],
      ['exports.get', { jobId: 'jx-county' }],
      ['exports.get', { jobId: 'jx-county' }],
    ]);
  });

  it('a job that gave up shows its error and the button works again', async () => {
    mockActions({
      'dashboard.export': () => job(0, 'running'),
      'exports.get': () => ({ ...job(1000, 'failed'), error: '数据库繁忙' }),
    });
    renderPage(<ExportButton regionId='cty-linxi' kind='hours' label='志愿服务时长' pollMs={0} />);
    fireEvent.click(screen.getByText('志愿服务时长'));
    expect((await screen.findByRole('alert')).textContent).toBe('未能完成：数据库繁忙');
    // No longer busy: the label is back and a tap starts the export again.
    fireEvent.click(await screen.findByText('志愿服务时长'));
    await waitFor(() => expect(jest.mocked(call).mock.calls.filter(([action]) => action === 'dashboard.export')).toHaveLength(2));
  });

  it('a roll-call counts people', async () => {
    const { rerender } = renderPage(<JobProgress job={{ id: 'jb-1', state: 'running', done: 400, total: 2000, error: null }} unit='people' />);
    expect(screen.getByText('正在通知：400/2000 人')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('20');
    rerender(<JobProgress job={{ id: 'jb-1', state: 'done', done: 2000, total: 2000, error: null }} unit='people' />);
    expect(screen.getByText('已通知全部 2000 人')).toBeTruthy();
  });
});

describe('roll-call notices going out', () => {
  afterEach(() => jest.useRealTimers());

  it('the tally shows people notified of people to notify and asks again until all are', async () => {
    jest.useFakeTimers();
    routerParams.id = 'rc-big';
    const answers = [400, 1400, 2000];
    const view = (done: number) => ({
      rollCall: {
        id: 'rc-big', communityId: 'cm-beiyuan', communityName: '北苑社区', title: '北门防汛', description: '装沙袋', skills: [], gridArea: null,
        meetingPlace: '北门岗亭', meetAt: '2026-07-01T02:00:00.000Z', needed: 30, status: 'open' as const, createdAt: '2026-07-01T01:00:00.000Z', closedAt: null,
        tally: { notified: 2000, coming: 0, cannot: 0, pending: 2000, capped: false, dispatch: { id: 'jn-1', state: done < 2000 ? ('running' as const) : ('done' as const), done, total: 2000, error: null } },
        myAnswer: null, abilities: ['rollcalls.view', 'rollcalls.tally'],
      },
      coming: [],
    });
    let asked = 0;
    mockActions({ 'account.me': () => account({ roles: [{ role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' }] }), 'rollcalls.get': () => view(answers[Math.min(asked++, answers.length - 1)]!) });
    renderPage(<StaffRollCallPage />);
    expect(await screen.findByText('正在通知：400/2000 人')).toBeTruthy();
    await act(async () => {
      jest.advanceTimersByTime(JOB_POLL_MS);
    });
    expect(await screen.findByText('正在通知：1400/2000 人')).toBeTruthy();
    await act(async () => {
      jest.advanceTimersByTime(JOB_POLL_MS);
    });
    // All sent: the bar goes away and nobody asks again.
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    await act(async () => {
      jest.advanceTimersByTime(JOB_POLL_MS * 3);
    });
    expect(asked).toBe(3);
  });
});
