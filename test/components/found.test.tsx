import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import FoundPage from '../../src/package-leader/found/index';
import { call, ClientError } from '../../src/services/cloud';
import { setElderly } from '../../src/stores/settings';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account, groupDetail, regionTree } from './support/fixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

function field(name: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!element) throw new Error(`field ${name} not rendered`);
  return element;
}

function fieldError(name: string): string | null {
  return field(name).querySelector('.linli-field__error')?.textContent ?? null;
}

function choose(name: string, value: string): void {
  fireEvent.click(field(name).querySelector<HTMLElement>(`[data-value="${value}"]`)!);
}

async function submit(): Promise<void> {
  await act(async () => {
    fireEvent.click(document.querySelector<HTMLElement>('.found__submit')!);
  });
}

async function fillValidForm(): Promise<void> {
  await typeInto('[data-field="name"]', '北苑棋牌协会');
  choose('type', 'culture_sports');
  choose('managementLevel', 'community');
  await typeInto('[data-field="description"]', '象棋、围棋、掼蛋，每周二周四下午在活动室切磋。');
  await typeInto('[data-field="contactName"]', '钱大伯');
  await typeInto('[data-field="contactPhone"]', '13912345678');
}

const expectedInput = {
  name: '北苑棋牌协会',
  type: 'culture_sports',
  managementLevel: 'community',
  communityId: 'cm-beiyuan',
  description: '象棋、围棋、掼蛋，每周二周四下午在活动室切磋。',
  tags: [],
  contactName: '钱大伯',
  contactPhone: '13912345678',
  joinPolicy: 'approval',
  noShowLimit: 3,
  cancelCutoffHours: 24,
};

describe('found a group', () => {
  it('says what is missing next to each field and sends nothing', async () => {
    mockActions({ 'account.me': () => account(), 'regions.tree': () => regionTree });
    act(() => setElderly(true));
    renderPage(<FoundPage />);
    await findElement('[data-field="name"]');
    // elderly mode reaches the new screens too (larger type and targets come from the root class)
    expect(document.querySelector('.linli-page--elderly.found')).toBeTruthy();
    // my home community is chosen already, shown with its street
    expect(within(field('communityId')).getByText('城关街道 · 北苑社区')).toBeTruthy();
    // who reviews each level, in plain language
    expect(within(field('managementLevel')).getByText('社区管理 · 审核：社区居委会（村委会）')).toBeTruthy();
    expect(within(field('managementLevel')).getByText('街道备案 · 审核：街道办事处（乡镇政府）')).toBeTruthy();
    expect(within(field('managementLevel')).getByText('县级登记 · 审核：县（区）民政部门')).toBeTruthy();

    await submit();

    expect(fieldError('name')).toBe('请填写小组名称');
    expect(fieldError('type')).toBe('请选择小组类型');
    expect(fieldError('managementLevel')).toBe('请选择管理层级');
    expect(fieldError('description')).toBe('请填写小组简介');
    expect(fieldError('contactName')).toBe('请填写联系人姓名');
    expect(fieldError('contactPhone')).toBe('请填写联系电话');
    expect(fieldError('communityId')).toBeNull();
    expect(screen.getByText('有 6 处需要修改')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('groups.found');

    // too short, a bad phone number: the same rules as the server
    await typeInto('[data-field="name"]', '棋');
    await typeInto('[data-field="description"]', '下棋');
    await typeInto('[data-field="contactPhone"]', '12345');
    await submit();
    expect(fieldError('name')).toBe('小组名称至少 2 个字');
    expect(fieldError('description')).toBe('小组简介至少 10 个字');
    expect(fieldError('contactPhone')).toBe('请输入有效的手机号或座机号');
  });

  it('submits a community-managed group and opens my applications', async () => {
    mockActions({
      'account.me': () => account(),
      'regions.tree': () => regionTree,
      'groups.found': () => groupDetail({ id: 'g-new', name: '北苑棋牌协会', status: 'pending', memberCount: 0 }),
    });
    renderPage(<FoundPage />);
    await findElement('[data-field="name"]');

    await fillValidForm();
    // a tag
    await typeInto('[data-field="tags"]', '棋牌');
    fireEvent.click(field('tags').querySelector<HTMLElement>('.leader-tags__button')!);
    expect(within(field('tags')).getByText('棋牌')).toBeTruthy();
    await submit();

    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.found', { ...expectedInput, tags: ['棋牌'] }));
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交，等待审核' }));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/package-leader/applications/index' });
  });

  it('a street-level hub picks its street and cannot be community-managed', async () => {
    mockActions({
      'account.me': () => account(),
      'regions.tree': () => regionTree,
      'groups.found': () => groupDetail({ id: 'g-hub', type: 'hub', status: 'pending' }),
    });
    renderPage(<FoundPage />);
    await findElement('[data-field="name"]');
    await fillValidForm();
    choose('type', 'hub');
    choose('placement', 'street');
    expect(field('managementLevel').querySelector('[data-value="community"]')!.getAttribute('aria-disabled')).toBe('true');
    await submit();
    expect(fieldError('streetId')).toBe('请选择所在街道（乡镇）');
    expect(fieldError('managementLevel')).toBe('街道级枢纽组织需要备案或登记');

    fireEvent.click(field('streetId').querySelector<HTMLElement>('.leader-place')!);
    fireEvent.click(await findElement('.linli-region-select [data-region-id="st-chengguan"]'));
    choose('managementLevel', 'filed');
    await submit();
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('groups.found', { ...expectedInput, type: 'hub', managementLevel: 'filed', communityId: null, streetId: 'st-chengguan' }),
    );
  });

  it('shows the content check next to the field it is about', async () => {
    mockActions({
      'account.me': () => account(),
      'regions.tree': () => regionTree,
      'groups.found': () => {
        throw new ClientError('CONTENT_REVIEW', '内容需要人工审核，请换个说法再试', [{ path: 'description', message: '内容可能不够友善或像广告，请修改后再提交' }]);
      },
    });
    renderPage(<FoundPage />);
    await findElement('[data-field="name"]');
    await fillValidForm();
    await submit();
    await waitFor(() => expect(fieldError('description')).toBe('这段内容可能不够友善或像广告，请换个说法再提交'));
    expect(fieldError('name')).toBeNull();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('resubmits a declined application: shows why, keeps what was written, asks for the contact again', async () => {
    routerParams.groupId = 'g-qipai';
    mockActions({
      'account.me': () => account(),
      'regions.tree': () => regionTree,
      'groups.get': () =>
        groupDetail({
          id: 'g-qipai',
          name: '北苑棋牌协会',
          status: 'rejected',
          description: '象棋、围棋、掼蛋，每周二周四下午在活动室切磋。',
          tags: ['棋牌'],
          joinPolicy: 'open',
          contact: { name: '钱*', phone: '139****5678', masked: true },
          review: { submittedAt: '2026-03-01T02:00:00.000Z', reviewedAt: '2026-03-02T02:00:00.000Z', reason: '请补充活动场地' },
          abilities: ['groups.view', 'groups.resubmit'],
        }),
      'groups.resubmit': () => groupDetail({ id: 'g-qipai', status: 'pending' }),
    });
    renderPage(<FoundPage />);
    expect(await screen.findByText('上次未通过的原因：请补充活动场地')).toBeTruthy();
    expect(screen.getByText('为保护隐私，联系人信息需要重新填写。')).toBeTruthy();
    expect((await findElement<HTMLInputElement>('[data-field="name"] input')).value).toBe('北苑棋牌协会');

    await typeInto('[data-field="description"]', '每周二周四下午在北苑活动室（物业提供）切磋棋艺。');
    await typeInto('[data-field="contactName"]', '钱大伯');
    await typeInto('[data-field="contactPhone"]', '13912345678');
    await submit();

    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('groups.resubmit', {
        ...expectedInput,
        groupId: 'g-qipai',
        type: 'culture_sports',
        tags: ['棋牌'],
        joinPolicy: 'open',
        description: '每周二周四下午在北苑活动室（物业提供）切磋棋艺。',
      }),
    );
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/package-leader/applications/index' });
  });

  it('shows an error with retry when the regions cannot be loaded', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'regions.tree': () => {
        if (fail) throw new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试');
        return regionTree;
      },
    });
    renderPage(<FoundPage />);
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await findElement('[data-field="name"]')).toBeTruthy();
  });
});
