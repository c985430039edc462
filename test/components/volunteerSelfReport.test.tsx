import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ReportPage from '../../src/package-volunteer/report/index';
import { call, ClientError, messageFor, uploadImage } from '../../src/services/cloud';
import { chinaDay } from '../../src/utils/chinaTime';
import { routerParams } from '../mocks/taro';
import { account, groupCard } from './support/fixtures';
import { contractViolations, mockCheckedActions } from './support/contractCheck';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';
import { hourRecord } from './support/volunteerFixtures';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

let choose: jest.SpyInstance | null = null;
beforeEach(resetApp);
afterEach(() => {
  choose?.mockRestore();
  choose = null;
  expect(contractViolations()).toEqual([]);
});

const DAY = 24 * 3600_000;
const daysAgo = (days: number) => chinaDay(Date.now() - days * DAY);

const taiji = groupCard();
const qipai = groupCard({ id: 'g-qipai', name: '北苑棋牌协会' });
const mine = () => ({ groups: [taiji, qipai], requests: [] });

const calledActions = () => jest.mocked(call).mock.calls.map(([action]) => action);
const toastTitles = () => jest.mocked(Taro.showToast).mock.calls.map(([options]) => (options as { title: string }).title);

/** The photo picker answers with one chosen file. */
function chooses(path: string) {
  choose = jest.spyOn(Taro, 'chooseImage').mockImplementation(async () => ({ tempFilePaths: [path], tempFiles: [], errMsg: 'chooseImage:ok' }));
}

function fieldError(field: string): string | null {
  return document.querySelector(`[data-field="${field}"] .linli-field__error`)?.textContent ?? null;
}

async function submit(): Promise<void> {
  const button = await findElement('.report__submit');
  await act(async () => {
    fireEvent.click(button);
  });
}

/** Fills every field with a valid value (the date stays today unless given). */
async function fillValid(options: { date?: string } = {}): Promise<void> {
  fireEvent.click(await findElement('[data-field="groupChoice"] [data-value="g-taiji"]'));
  if (options.date) await typeInto('[data-field="date"]', options.date);
  await typeInto('[data-field="hours"]', '2');
  await typeInto('[data-field="minutes"]', '30');
  await typeInto('[data-field="content"]', '陪社区独居老人聊天、打扫卫生');
  chooses('wxfile://tmp/photo.jpg');
  await act(async () => {
    fireEvent.click(screen.getByText('添加图片'));
  });
  await findElement('.linli-photo__img');
}

describe('self-reported volunteer hours', () => {
  it('shows a skeleton while my groups load, then the form with the group from the link chosen and today as the date', async () => {
    routerParams.groupId = 'g-qipai';
    let answer: (value: ReturnType<typeof mine>) => void = () => undefined;
    mockCheckedActions({
      'account.me': () => account(),
      'memberships.mine': () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    renderPage(<ReportPage />);
    await findElement('.linli-state--loading');
    expect(document.querySelector('.report__submit')).toBeNull();

    await act(async () => {
      answer(mine());
    });
    await findElement('.report__submit');
    expect(document.querySelector('.linli-state--loading')).toBeNull();
    expect(screen.getByText('没有通过签到记录的志愿服务，可以自行申报，由组织负责人审核。')).toBeTruthy();
    expect(screen.getByText('北苑晨练太极队')).toBeTruthy();
    expect(document.querySelector('[data-field="groupChoice"] [data-value="g-qipai"]')!.getAttribute('aria-checked')).toBe('true');
    expect(document.querySelector('[data-field="groupChoice"] [data-value="g-taiji"]')!.getAttribute('aria-checked')).toBe('false');
    const date = await findElement<HTMLInputElement>('[data-field="date"] input');
    expect(date.value).toBe(chinaDay());
    expect(call).toHaveBeenCalledWith('memberships.mine', {});
  });

  it('says that hours can only be reported to a group I belong to when I have none', async () => {
    mockCheckedActions({ 'account.me': () => account(), 'memberships.mine': () => ({ groups: [], requests: [] }) });
    renderPage(<ReportPage />);
    expect(await screen.findByText('你还没有加入任何组织，加入后才能申报时长。')).toBeTruthy();
    expect(document.querySelector('.report__submit')).toBeNull();
  });

  it('shows the error with a retry when my groups cannot be loaded, and the form after retrying', async () => {
    let fail = true;
    mockCheckedActions({
      'account.me': () => account(),
      'memberships.mine': () => {
        if (fail) throw new ClientError('NETWORK', messageFor('NETWORK'));
        return mine();
      },
    });
    renderPage(<ReportPage />);
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    expect(screen.getByText('加载失败')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await findElement('.report__submit')).toBeTruthy();
  });

  it('uploads the photo, sends the report in minutes and goes back', async () => {
    const yesterday = daysAgo(1);
    mockCheckedActions({
      'account.me': () => account(),
      'memberships.mine': () => mine(),
      'hours.selfReport': (input) =>
        hourRecord({ id: 'h-9', source: 'self_report', state: 'pending', activityId: null, serviceDate: input.serviceDate, minutes: input.minutes, content: input.content, evidence: input.evidence, confirmedBy: null, confirmedAt: null, credits: 0 }),
    });
    renderPage(<ReportPage />);
    await fillValid({ date: yesterday });
    await submit();

    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('hours.selfReport', {
        groupId: 'g-taiji',
        serviceDate: yesterday,
        minutes: 150,
        content: '陪社区独居老人聊天、打扫卫生',
        evidence: 'cloud://test/evidence/wxfile___tmp_photo_jpg',
      }),
    );
    expect(uploadImage).toHaveBeenCalledTimes(1);
    expect(uploadImage).toHaveBeenCalledWith('wxfile://tmp/photo.jpg', 'evidence');
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(toastTitles()).toContain('已提交，等待负责人审核');
  });

  it('names every missing field, and refuses more than 24 hours or a future day, before uploading or sending', async () => {
    mockCheckedActions({ 'account.me': () => account(), 'memberships.mine': () => mine(), 'hours.selfReport': () => hourRecord() });
    renderPage(<ReportPage />);
    await submit();
    await waitFor(() => expect(fieldError('group')).toBe('请选择组织'));
    expect(fieldError('duration')).toBe('时长应在 1 分钟到 24 小时之间');
    expect(fieldError('content')).toBe('服务内容需要 5–200 个字');
    expect(fieldError('evidence')).toBe('请上传一张证明照片');
    expect(fieldError('date')).toBeNull();

    await fillValid();
    // 24 h 30 min is more than a day
    await typeInto('[data-field="hours"]', '24');
    await submit();
    await waitFor(() => expect(fieldError('duration')).toBe('时长应在 1 分钟到 24 小时之间'));
    expect(fieldError('group')).toBeNull();
    expect(fieldError('evidence')).toBeNull();

    // 60 minutes are not written as minutes
    await typeInto('[data-field="hours"]', '1');
    await typeInto('[data-field="minutes"]', '60');
    await submit();
    await waitFor(() => expect(fieldError('duration')).toBe('时长应在 1 分钟到 24 小时之间'));

    await typeInto('[data-field="minutes"]', '0');
    await typeInto('[data-field="date"]', chinaDay(Date.now() + 2 * DAY));
    await submit();
    await waitFor(() => expect(fieldError('date')).toBe('不能申报未来的日期'));
    expect(fieldError('duration')).toBeNull();

    expect(calledActions()).not.toContain('hours.selfReport');
    expect(uploadImage).not.toHaveBeenCalled();
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal of a day more than 90 days back, and resends without uploading the photo again', async () => {
    const old = daysAgo(100);
    const recent = daysAgo(3);
    const outOfWindow = [{ path: 'serviceDate', message: '只能申报 90 天内的服务' }];
    mockCheckedActions({
      'account.me': () => account(),
      'memberships.mine': () => mine(),
      'hours.selfReport': (input) => {
        if (input.serviceDate < daysAgo(90)) throw new ClientError('INVALID_INPUT', messageFor('INVALID_INPUT', outOfWindow), outOfWindow);
        return hourRecord({ id: 'h-9', source: 'self_report', state: 'pending', serviceDate: input.serviceDate, minutes: input.minutes, content: input.content, evidence: input.evidence });
      },
    });
    renderPage(<ReportPage />);
    await fillValid({ date: old });
    await submit();
    await waitFor(() => expect(call).toHaveBeenCalledWith('hours.selfReport', expect.objectContaining({ serviceDate: old })));
    expect((await screen.findByRole('alert')).textContent).toMatch(/只能申报 90 天内的服务/);
    expect(Taro.navigateBack).not.toHaveBeenCalled();
    // the form keeps what was entered
    expect((await findElement<HTMLInputElement>('[data-field="hours"] input')).value).toBe('2');

    await typeInto('[data-field="date"]', recent);
    await submit();
    await waitFor(() => expect(call).toHaveBeenCalledWith('hours.selfReport', expect.objectContaining({ serviceDate: recent, evidence: 'cloud://test/evidence/wxfile___tmp_photo_jpg' })));
    expect(uploadImage).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(screen.queryByText(/只能申报 90 天内的服务/)).toBeNull();
  });
});
