/**
 * The staff page of committee notices, in both languages: posting one (checked with the
 * contract's schema first), keeping and publishing drafts, read counts with the ratio, and
 * withdrawing with a reason.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffNoticesPage from '../../src/package-staff/notices/index';
import type { NoticeView } from '../../src/shared/schemas/notices';
import { call, uploadImage } from '../../src/services/cloud';
import { setLocale } from '../../src/stores/settings';
import { mockActions } from '../mocks/cloud';
import { account } from './support/fixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);
afterEach(() => act(() => setLocale('zh-CN')));

const page = (items: NoticeView[]) => ({ items, total: items.length, hasMore: false });
const committee = () => account({ roles: [{ role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' }] });

function notice(overrides: Partial<NoticeView> = {}): NoticeView {
  return {
    id: 'nt-water',
    communityId: 'cm-beiyuan',
    communityName: '北苑社区',
    title: '明天停水通知',
    body: '因管网维修，明天8:00至18:00停水，请提前储水。',
    kind: 'water_power',
    urgent: false,
    validUntil: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    live: true,
    image: null,
    imagePending: false,
    status: 'published',
    publishedAt: '2026-07-01T01:00:00.000Z',
    withdrawnAt: null,
    withdrawReason: null,
    createdAt: '2026-07-01T01:00:00.000Z',
    updatedAt: '2026-07-01T01:00:00.000Z',
    read: false,
    abilities: ['notices.view', 'notices.manage', 'notices.withdraw', 'notices.readCounts'],
    ...overrides,
  };
}

async function fillForm(): Promise<void> {
  await typeInto('[data-field="title"]', '暴雨红色预警');
  await typeInto('[data-field="body"]', '今夜有特大暴雨，请勿外出。');
  fireEvent.click(await findElement('.notices-staff__kinds [data-value="weather"]'));
  fireEvent.click(await findElement('.notices-staff__urgent [data-value="yes"]'));
}

describe('staff: committee notices', () => {
  it('publishes a notice to the community and lists it', async () => {
    const posted = notice({ id: 'nt-storm', title: '暴雨红色预警', body: '今夜有特大暴雨，请勿外出。', kind: 'weather', urgent: true });
    mockActions({ 'account.me': () => committee(), 'notices.list': () => page([notice()]), 'notices.post': () => posted });
    renderPage(<StaffNoticesPage />);
    expect(await screen.findByText('明天停水通知')).toBeTruthy();
    await fillForm();
    await act(async () => {
      fireEvent.click(await findElement('.notices-staff__publish'));
    });
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('notices.post', expect.objectContaining({ communityId: 'cm-beiyuan', title: '暴雨红色预警', body: '今夜有特大暴雨，请勿外出。', kind: 'weather', urgent: true, publish: true })),
    );
    const input = jest.mocked(call).mock.calls.find(([action]) => action === 'notices.post')![1] as { validUntil: string };
    expect(new Date(input.validUntil).getTime()).toBeGreaterThan(Date.now());
    expect(await screen.findByText('暴雨红色预警')).toBeTruthy();
    expect(document.querySelector('[data-notice-id="nt-storm"]')?.textContent).toContain('紧急');
  });

  it('uploads a chosen image with the notice', async () => {
    const chooser = jest.spyOn(Taro, 'chooseImage').mockImplementation(async () => ({ tempFilePaths: ['blob:map'], tempFiles: [], errMsg: 'chooseImage:ok' }));
    mockActions({ 'account.me': () => committee(), 'notices.list': () => page([]), 'notices.post': () => notice({ id: 'nt-map', imagePending: true }) });
    renderPage(<StaffNoticesPage />);
    await fillForm();
    await act(async () => {
      fireEvent.click(await findElement('.notices-staff__image .linli-photo--add'));
    });
    expect(await findElement('.notices-staff__image .linli-photo__img')).toBeTruthy();
    await act(async () => {
      fireEvent.click(await findElement('.notices-staff__publish'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('notices.post', expect.objectContaining({ image: 'cloud://test/posts/blob_map' })));
    expect(uploadImage).toHaveBeenCalledWith('blob:map', 'posts');
    expect(await screen.findByText('图片审核中')).toBeTruthy();
    chooser.mockRestore();
  });

  it('refuses an incomplete form with every problem listed, and sends nothing', async () => {
    mockActions({ 'account.me': () => committee(), 'notices.list': () => page([]) });
    renderPage(<StaffNoticesPage />);
    expect(await screen.findByText('还没有通知')).toBeTruthy();
    await typeInto('[data-field="title"]', '停');
    await act(async () => {
      fireEvent.click(await findElement('.notices-staff__publish'));
    });
    expect(await screen.findAllByText('请填写 2–40 个字的标题')).not.toHaveLength(0);
    expect(screen.getAllByText('请填写 2–1000 个字的内容')).not.toHaveLength(0);
    expect(screen.getAllByText('请选择通知类别')).not.toHaveLength(0);
    expect(jest.mocked(call).mock.calls.some(([action]) => action === 'notices.post')).toBe(false);
  });

  it('saves a draft, edits it and publishes it', async () => {
    const draft = notice({ id: 'nt-draft', title: '电梯检修', status: 'draft', live: false, publishedAt: null, abilities: ['notices.view', 'notices.manage', 'notices.update', 'notices.readCounts'] });
    mockActions({
      'account.me': () => committee(),
      'notices.list': () => page([draft]),
      'notices.update': (input) => notice({ id: 'nt-draft', title: input.title ?? draft.title, status: 'published' }),
    });
    renderPage(<StaffNoticesPage />);
    fireEvent.click(await findElement('[data-notice-id="nt-draft"] .notices-staff__edit'));
    expect(await screen.findByText('修改草稿')).toBeTruthy();
    await typeInto('[data-field="title"]', '3号楼电梯检修');
    await act(async () => {
      fireEvent.click(await findElement('.notices-staff__publish'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('notices.update', expect.objectContaining({ noticeId: 'nt-draft', title: '3号楼电梯检修', kind: 'water_power', publish: true })));
    expect(await screen.findByText('3号楼电梯检修')).toBeTruthy();
    expect(document.querySelector('[data-notice-id="nt-draft"] .notices-staff__status')?.textContent).toBe('已发布');
  });

  it('shows how many residents read a notice, and withdraws it with a reason', async () => {
    mockActions({
      'account.me': () => committee(),
      'notices.list': () => page([notice()]),
      'notices.readCounts': () => ({ noticeId: 'nt-water', read: 3, residents: 12 }),
      'notices.withdraw': (input) => notice({ status: 'withdrawn', live: false, withdrawReason: input.reason, abilities: ['notices.view', 'notices.manage', 'notices.readCounts'] }),
    });
    renderPage(<StaffNoticesPage />);
    fireEvent.click(await findElement('[data-notice-id="nt-water"] .notices-staff__show-reads'));
    expect(await screen.findByText('已读 3 / 12 人（25%）')).toBeTruthy();
    fireEvent.click(await findElement('[data-notice-id="nt-water"] .notices-staff__withdraw'));
    await typeInto('.linli-reason', '时间有误');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(call).toHaveBeenCalledWith('notices.withdraw', { noticeId: 'nt-water', reason: '时间有误' }));
    expect(await screen.findByText('撤回原因：时间有误')).toBeTruthy();
    expect(document.querySelector('[data-notice-id="nt-water"] .notices-staff__withdraw')).toBeNull();
  });

  it('speaks English', async () => {
    act(() => setLocale('en'));
    mockActions({ 'account.me': () => committee(), 'notices.list': () => page([notice({ urgent: true })]), 'notices.readCounts': () => ({ noticeId: 'nt-water', read: 1, residents: 3 }) });
    renderPage(<StaffNoticesPage />);
    expect(await screen.findByText('New notice')).toBeTruthy();
    expect(screen.getByText('Publish')).toBeTruthy();
    expect(document.querySelector('[data-notice-id="nt-water"]')?.textContent).toContain('Water & power · Urgent');
    fireEvent.click(await findElement('[data-notice-id="nt-water"] .notices-staff__show-reads'));
    expect(await screen.findByText('Read by 1 of 3 (33%)')).toBeTruthy();
  });

  it('tells someone with no community to post to', async () => {
    mockActions({ 'account.me': () => account() });
    renderPage(<StaffNoticesPage />);
    expect(await screen.findByText('你没有可发通知的社区')).toBeTruthy();
  });
});
