import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PostPage from '../../src/package-leader/post/index';
import { call, ClientError, uploadImage } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account, groupDetail } from './support/fixtures';
import { findElement, leaderGroup, post, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(() => {
  resetApp();
  routerParams.id = 'g-taiji';
});
afterEach(() => jest.restoreAllMocks());

function chooses(...paths: string[]) {
  return jest.spyOn(Taro, 'chooseImage').mockImplementation(async () => ({ tempFilePaths: paths, tempFiles: [], errMsg: 'chooseImage:ok' }));
}

function textError(): string | null {
  return document.querySelector('[data-field="text"] .linli-field__error')?.textContent ?? null;
}

async function publish(): Promise<void> {
  await act(async () => {
    fireEvent.click(document.querySelector<HTMLElement>('.post__publish')!);
  });
}

describe('post composer', () => {
  it('asks to rephrase when the content check says review, then publishes text and photos', async () => {
    let attempts = 0;
    mockActions({
      'account.me': () => account(),
      'groups.get': () => leaderGroup(),
      'posts.create': (input) => {
        attempts += 1;
        if (attempts === 1) throw new ClientError('CONTENT_REVIEW', '内容需要人工审核，请换个说法再试', [{ path: 'text', message: '内容可能不够友善或像广告，请修改后再提交' }]);
        return post({ text: input.text, imagesPending: input.images?.length ?? 0 });
      },
    });
    const picker = chooses('blob:photo-1', 'blob:photo-2');
    renderPage(<PostPage />);
    await findElement('[data-field="text"]');

    // nothing written yet
    await publish();
    expect(textError()).toBe('请填写公告内容');

    fireEvent.click(document.querySelector<HTMLElement>('.post__images .linli-photo--add')!);
    await waitFor(() => expect(document.querySelectorAll('.post__images .linli-photo__img')).toHaveLength(2));
    expect(picker).toHaveBeenCalledWith(expect.objectContaining({ count: 9 }));

    await typeInto('[data-field="text"]', '滚蛋吧不守规矩的人');
    await publish();
    await waitFor(() => expect(textError()).toBe('这段话可能不够友善或像广告，请换个说法再发布'));
    expect(uploadImage).toHaveBeenCalledTimes(2);
    expect(uploadImage).toHaveBeenCalledWith('blob:photo-1', 'posts');
    expect(Taro.navigateBack).not.toHaveBeenCalled();

    // typing again clears the message; the photos are not uploaded twice
    await typeInto('[data-field="text"]', '周六上午九点北苑广场集合，带好水杯。');
    expect(textError()).toBeNull();
    await publish();
    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith('posts.create', { groupId: 'g-taiji', text: '周六上午九点北苑广场集合，带好水杯。', images: ['cloud://test/posts/blob_photo-1', 'cloud://test/posts/blob_photo-2'] }),
    );
    expect(uploadImage).toHaveBeenCalledTimes(2);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '公告已发布' }));
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('says when the content is refused', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.get': () => leaderGroup(),
      'posts.create': () => {
        throw new ClientError('CONTENT_REJECTED', '内容未通过安全检查，请修改后再提交', [{ path: 'text', message: '内容含有违规信息，无法发布' }]);
      },
    });
    renderPage(<PostPage />);
    await typeInto('[data-field="text"]', '招募刷单兼职，日结');
    await publish();
    await waitFor(() => expect(textError()).toBe('内容含有违规信息，无法发布'));
  });

  it('removes a chosen photo and stops at nine', async () => {
    mockActions({ 'account.me': () => account(), 'groups.get': () => leaderGroup() });
    chooses(...Array.from({ length: 9 }, (_, i) => `blob:p${i}`));
    renderPage(<PostPage />);
    fireEvent.click(await findElement('.post__images .linli-photo--add'));
    await waitFor(() => expect(document.querySelectorAll('.post__images .linli-photo__img')).toHaveLength(9));
    expect(document.querySelector('.post__images .linli-photo--add')).toBeNull();
    fireEvent.click(screen.getByLabelText('删除第 1 张图片'));
    expect(document.querySelectorAll('.post__images .linli-photo__img')).toHaveLength(8);
    expect(document.querySelector('.post__images .linli-photo--add')).toBeTruthy();
  });

  it('shows an upload failure above the button and keeps what was written', async () => {
    mockActions({ 'account.me': () => account(), 'groups.get': () => leaderGroup(), 'posts.create': () => post() });
    chooses('blob:photo-1');
    jest.mocked(uploadImage).mockRejectedValueOnce(new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试'));
    renderPage(<PostPage />);
    fireEvent.click(await findElement('.post__images .linli-photo--add'));
    await typeInto('[data-field="text"]', '周六活动取消');
    await publish();
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('posts.create');
    expect((await findElement<HTMLTextAreaElement>('[data-field="text"] textarea')).value).toBe('周六活动取消');
  });

  it('is closed to those who may not post', async () => {
    mockActions({ 'account.me': () => account(), 'groups.get': () => groupDetail() });
    renderPage(<PostPage />);
    expect(await screen.findByText('你没有管理这个小组的权限')).toBeTruthy();
  });
});
