/**
 * Residents without a smartphone in the app (issue 18): the proxy's residents, registering one
 * with witnessed consent (the shared schema refuses before anything is sent), her 代办记录 and
 * consent history with withdrawal, claiming an account, and the birth year asked at sign-up —
 * in Chinese, English and elderly mode.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ProxyResidentsPage from '../../src/package-proxy/residents/index';
import ProxyCreatePage from '../../src/package-proxy/create/index';
import ProxyRecordsPage from '../../src/package-proxy/records/index';
import ProxiesPage from '../../src/pages/proxies/index';
import { BirthYearPrompt } from '../../src/pages/activity/BirthYearPrompt';
import { call, ClientError, uploadImage } from '../../src/services/cloud';
import { setElderly, setLocale } from '../../src/stores/settings';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(() => resetApp());
afterEach(() => {
  act(() => setLocale('zh-CN'));
  act(() => setElderly(false));
});

const since = '2025-11-01T00:00:00.000Z';
const grandma = { userId: 'r-liu', nickname: '刘奶奶', relation: 'family', since, hasOwnAccount: false };
const gridAccount = () => account({ roles: [{ role: 'grid', regionId: 'cm-beiyuan', regionName: '北苑社区' }] });

function present<T extends Element>(element: T | null): T {
  if (!element) throw new Error('not rendered yet');
  return element;
}

/** The input of a NutUI Input by its class, once rendered. */
const inputIn = (selector: string) => waitFor(() => present(document.querySelector<HTMLInputElement>(`${selector} input`) ?? document.querySelector<HTMLInputElement>(`input${selector}`)));

describe('the residents I act for', () => {
  it('shows who has no phone, what I can do, and gives a claim code; staff see the way to register', async () => {
    mockActions({
      'account.me': () => gridAccount(),
      'proxies.list': () => ({ canActFor: [grandma], actingForMe: [] }),
      'proxies.claimCode': (input) => {
        expect(input).toEqual({ residentUserId: 'r-liu' });
        return { code: '12345678', expiresAt: '2099-11-26T01:30:00.000Z' };
      },
    });
    act(() => setElderly(true));
    renderPage(<ProxyResidentsPage />);
    const card = await waitFor(() => present(document.querySelector<HTMLElement>('[data-user-id="r-liu"]')));
    expect(document.querySelector('.linli-page--elderly.proxy-residents')).toBeTruthy();
    expect(within(card).getByText('刘奶奶')).toBeTruthy();
    expect(within(card).getByText('无智能手机')).toBeTruthy();
    expect(within(card).getByText('你可以为她：报名 · 确认空位 · 签到 · 取消报名')).toBeTruthy();
    expect(await screen.findByText('登记无智能手机的居民')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(card).getByText('给她认领码'));
    });
    expect(await within(card).findByText(/^认领码 12345678，/)).toBeTruthy();
  });

  it('in English, with an empty list and no register button for a plain resident', async () => {
    act(() => setLocale('en'));
    mockActions({ 'account.me': () => account(), 'proxies.list': () => ({ canActFor: [], actingForMe: [] }) });
    renderPage(<ProxyResidentsPage />);
    expect(await screen.findByText('No resident has authorised you yet')).toBeTruthy();
    expect(screen.queryByText('Register a resident without a smartphone')).toBeNull();
  });
});

describe('registering a resident without a smartphone', () => {
  it('refuses a form the schema refuses and sends nothing; a good one is sent as typed', async () => {
    mockActions({
      'account.me': () => gridAccount(),
      'proxies.createResident': () => ({ residentUserId: 'r-new', consentId: 'px-1', nickname: '王爷爷' }),
    });
    renderPage(<ProxyCreatePage />);
    await waitFor(() => present(document.querySelector('[data-field="nickname"]')));
    await act(async () => {
      fireEvent.click(screen.getByText('登记并记录授权'));
    });
    expect(call).not.toHaveBeenCalledWith('proxies.createResident', expect.anything());
    expect(document.querySelector('[data-field="nickname"].linli-field--error')).toBeTruthy();
    expect(document.querySelector('[data-field="witness"].linli-field--error')).toBeTruthy();

    fireEvent.input(await inputIn('.proxy-create__nickname'), { target: { value: '王爷爷' } });
    fireEvent.input(await inputIn('.proxy-create__birth-year'), { target: { value: '1946' } });
    fireEvent.input(await inputIn('.proxy-create__ref'), { target: { value: 'BY-2026-007' } });
    await act(async () => {
      fireEvent.click(screen.getByText('登记并记录授权'));
    });
    expect(call).toHaveBeenCalledWith('proxies.createResident', {
      nickname: '王爷爷',
      homeCommunityId: 'cm-beiyuan',
      birthYear: 1946,
      relation: 'grid_worker',
      witness: { form: 'paper', ref: 'BY-2026-007' },
    });
  });

  it('records another consent for a registered resident: only the proxy and the form are asked', async () => {
    routerParams.residentUserId = 'r-liu';
    mockActions({
      'account.me': () => gridAccount(),
      'proxies.addConsent': () => ({ resident: { userId: 'r-liu', nickname: '刘奶奶', hasOwnAccount: false }, items: [], abilities: [] }),
    });
    renderPage(<ProxyCreatePage />);
    expect(await screen.findByText('记录这位居民（或其监护人）新签的纸质授权书，你是见证人。')).toBeTruthy();
    expect(document.querySelector('[data-field="nickname"]')).toBeNull();
    fireEvent.click(present(document.querySelector('.proxy-create__proxy [data-value="family"]')));
    fireEvent.input(await inputIn('.proxy-create__proxy-user'), { target: { value: 'u-fang' } });
    fireEvent.click(present(document.querySelector('.proxy-create__relations [data-value="guardian"]')));
    fireEvent.input(await inputIn('.proxy-create__ref'), { target: { value: 'BY-9' } });
    await act(async () => {
      fireEvent.click(screen.getByText('记录授权'));
    });
    expect(call).toHaveBeenCalledWith('proxies.addConsent', { residentUserId: 'r-liu', proxyUserId: 'u-fang', relation: 'guardian', witness: { form: 'paper', ref: 'BY-9' } });
  });

  it('a photo of the signed form is uploaded as soon as it is chosen and its file id sent; a failed upload leaves nothing chosen', async () => {
    routerParams.residentUserId = 'r-liu';
    mockActions({
      'account.me': () => gridAccount(),
      'proxies.addConsent': () => ({ resident: { userId: 'r-liu', nickname: '刘奶奶', hasOwnAccount: false }, items: [], abilities: [] }),
    });
    const chooser = jest.spyOn(Taro, 'chooseImage').mockImplementation(async () => ({ tempFilePaths: ['wxfile://tmp/form.jpg'], tempFiles: [], errMsg: 'chooseImage:ok' }));
    jest.mocked(uploadImage).mockRejectedValueOnce(new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试'));
    renderPage(<ProxyCreatePage />);
    await screen.findByText('记录这位居民（或其监护人）新签的纸质授权书，你是见证人。');
    fireEvent.click(present(document.querySelector('.proxy-create__forms [data-value="photo"]')));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '添加图片' }));
    });
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    expect(document.querySelector('.proxy-create__photo .linli-photo__img')).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '添加图片' }));
    });
    await waitFor(() => expect(document.querySelector('.proxy-create__photo .linli-photo__img')?.getAttribute('src')).toBe('wxfile://tmp/form.jpg'));
    expect(uploadImage).toHaveBeenLastCalledWith('wxfile://tmp/form.jpg', 'evidence');
    await act(async () => {
      fireEvent.click(screen.getByText('记录授权'));
    });
    expect(call).toHaveBeenCalledWith('proxies.addConsent', { residentUserId: 'r-liu', relation: 'grid_worker', witness: { form: 'photo', ref: 'cloud://test/evidence/wxfile___tmp_form_jpg' } });
    chooser.mockRestore();
  });

  it('says so when the caller registers nowhere (English)', async () => {
    act(() => setLocale('en'));
    mockActions({ 'account.me': () => account() });
    renderPage(<ProxyCreatePage />);
    expect(await screen.findByText('You are not staff or a grid worker of any community, so you cannot register residents.')).toBeTruthy();
  });
});

describe('代办记录 and consent history', () => {
  const history = (status: 'active' | 'ended') => ({
    resident: { userId: 'r-liu', nickname: '刘奶奶', hasOwnAccount: false },
    items: [
      {
        consentId: 'px-1',
        proxyUserId: 'u-fang',
        proxyNickname: '小芳',
        relation: 'family',
        status,
        givenAt: since,
        witness: { byNickname: '网格员小李', form: 'paper' as const, ref: 'BY-1' },
        endedAt: status === 'ended' ? since : null,
        endedByNickname: status === 'ended' ? '刘奶奶' : null,
        endReason: status === 'ended' ? '不需要了' : null,
      },
    ],
    abilities: ['proxies.withdraw', 'proxies.claimCode'],
  });

  it('lists every act with who did it, and withdraws a consent with a reason', async () => {
    routerParams.residentUserId = 'r-liu';
    mockActions({
      'account.me': () => account(),
      'proxies.records': (input) => {
        expect(input).toMatchObject({ residentUserId: 'r-liu' });
        return { items: [{ id: 'pa-1', kind: 'check_in', activityId: 'a-1', activityTitle: '太极体验课', proxyUserId: 'u-fang', proxyNickname: '小芳', at: since }], total: 1, hasMore: false };
      },
      'proxies.history': () => history('active'),
      'proxies.withdraw': (input) => {
        expect(input).toEqual({ residentUserId: 'r-liu', proxyUserId: 'u-fang', reason: '不需要了' });
        return history('ended');
      },
    });
    renderPage(<ProxyRecordsPage />);
    const row = await waitFor(() => present(document.querySelector<HTMLElement>('[data-kind="check_in"]')));
    expect(within(row).getByText('代签到 · 太极体验课')).toBeTruthy();
    expect(within(row).getByText(/^小芳 · /)).toBeTruthy();

    fireEvent.click(present(document.querySelector('.proxy-records__tabs [data-value="history"]')));
    const consent = await waitFor(() => present(document.querySelector<HTMLElement>('[data-status="active"]')));
    expect(within(consent).getByText('见证人：网格员小李（纸质授权书 BY-1）')).toBeTruthy();
    fireEvent.click(within(consent).getByText('撤回授权'));
    const reason = await waitFor(() => present(document.querySelector<HTMLTextAreaElement>('.nut-dialog textarea')));
    fireEvent.input(reason, { target: { value: '不需要了' } });
    await act(async () => {
      fireEvent.click(present(document.querySelector<HTMLElement>('.nut-dialog-footer-ok') ?? screen.getAllByText('撤回授权').at(-1)!));
    });
    const ended = await waitFor(() => present(document.querySelector<HTMLElement>('[data-status="ended"]')));
    expect(within(ended).getByText(/由刘奶奶结束：不需要了$/)).toBeTruthy();
  });

  it('in English, empty', async () => {
    act(() => setLocale('en'));
    mockActions({
      'account.me': () => account(),
      'proxies.records': () => ({ items: [], total: 0, hasMore: false }),
      'proxies.history': () => ({ ...history('active'), items: [], abilities: [] }),
    });
    renderPage(<ProxyRecordsPage />);
    expect(await screen.findByText('Nothing done by a proxy yet')).toBeTruthy();
  });
});

describe('claiming my account, and the birth year', () => {
  it('claims with an 8-digit code', async () => {
    mockActions({
      'account.me': () => account(),
      'proxies.list': () => ({ canActFor: [], actingForMe: [] }),
      'proxies.claim': () => ({ userId: 'r-liu', nickname: '刘奶奶' }),
    });
    renderPage(<ProxiesPage />);
    await screen.findByText('认领我的账号');
    const input = await inputIn('.proxies__claim-code');
    fireEvent.input(input, { target: { value: '1234-5678' } });
    await act(async () => {
      fireEvent.click(screen.getByText('认领账号'));
    });
    expect(call).toHaveBeenCalledWith('proxies.claim', { code: '12345678' });
  });

  it('asks a birth year, checks it like the server, and stores it for the resident a proxy acts for', async () => {
    const saved = jest.fn();
    mockActions({ 'account.updateProfile': () => account() });
    renderPage(<BirthYearPrompt forUserId='r-liu' name='刘奶奶' onSaved={saved} />);
    expect(screen.getByText('本活动有年龄要求，需要知道刘奶奶的出生年份。')).toBeTruthy();
    const input = await inputIn('.activity__birth-year-input');
    fireEvent.input(input, { target: { value: '3000' } });
    await act(async () => {
      fireEvent.click(screen.getByText('保存并报名'));
    });
    expect(await screen.findByText('出生年份不能晚于今年')).toBeTruthy();
    expect(call).not.toHaveBeenCalledWith('account.updateProfile', expect.anything());
    fireEvent.input(input, { target: { value: '1950' } });
    await act(async () => {
      fireEvent.click(screen.getByText('保存并报名'));
    });
    expect(call).toHaveBeenCalledWith('account.updateProfile', { birthYear: 1950, forUserId: 'r-liu' });
    expect(saved).toHaveBeenCalled();
  });

  it('shows the server\'s refusal in English', async () => {
    act(() => setLocale('en'));
    mockActions({
      'account.updateProfile': () => {
        throw new ClientError('NOT_FOUND', '没有找到授权你代报名的居民');
      },
    });
    renderPage(<BirthYearPrompt forUserId='r-liu' name='Grandma Liu' onSaved={() => undefined} />);
    fireEvent.input(await inputIn('.activity__birth-year-input'), { target: { value: '1950' } });
    await act(async () => {
      fireEvent.click(screen.getByText('Save and sign up'));
    });
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
