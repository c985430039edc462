/** The author's moderation notices and appeals (package-me/notices). */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import NoticesPage from '../../src/package-me/notices/index';
import { call, ClientError } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account } from './support/fixtures';
import { caseView, decidedByOther } from './support/moderationFixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const author = () => account({ id: 'u-li', nickname: '李队长' });
const hidden = caseView({ lastDecision: decidedByOther, abilities: ['moderation.view', 'moderation.appeal'] });
const restored = caseView({
  id: 'mc-old',
  targetType: 'activity',
  title: '周末护河行动',
  excerpt: '',
  state: 'restored',
  lastDecision: { action: 'hide', reason: '疑似广告', at: '2026-02-01T02:00:00.000Z', byMe: false },
  appeal: { text: '这是正常的志愿活动。', at: '2026-02-02T02:00:00.000Z', state: 'overturned' },
  abilities: ['moderation.view'],
});

function card(caseId: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`.notices__item[data-case-id="${caseId}"]`);
  if (!element) throw new Error(`no notice ${caseId}`);
  return element;
}

describe('moderation notices', () => {
  it('shows what was decided and why, and appeals once', async () => {
    mockActions({
      'account.me': author,
      'moderation.mine': () => ({ items: [hidden, restored] }),
      'moderation.appeal': () => ({ appealed: true }),
    });
    renderPage(<NoticesPage />);
    await findElement('.notices__item[data-case-id="mc-post"]');
    const first = within(card('mc-post'));
    expect(first.getByText('已隐藏')).toBeTruthy();
    expect(first.getByText(/^隐藏 · /)).toBeTruthy();
    expect(first.getByText('理由：含有虚假中奖信息')).toBeTruthy();
    // The decided appeal shows how it went, with no second appeal.
    expect(within(card('mc-old')).getByText('申诉已通过，内容已恢复')).toBeTruthy();
    expect(within(card('mc-old')).getByText('我的申诉：这是正常的志愿活动。')).toBeTruthy();
    expect(card('mc-old').querySelector('.notices__appeal-button')).toBeNull();

    fireEvent.click(first.getByText('申诉'));
    await findElement('.notices__appeal-dialog');
    await typeInto('.notices__appeal-dialog', '不对');
    await confirmDialog('notices__appeal-dialog');
    expect(await screen.findByText('请写明申诉理由（至少 5 个字）')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('moderation.appeal');

    await typeInto('.notices__appeal-dialog', '这是社区真实的活动通知，并非诈骗。');
    await confirmDialog('notices__appeal-dialog');
    await waitFor(() => expect(call).toHaveBeenCalledWith('moderation.appeal', { caseId: 'mc-post', text: '这是社区真实的活动通知，并非诈骗。' }));
    await waitFor(() => expect(within(card('mc-post')).getByText('申诉待复核')).toBeTruthy());
    expect(card('mc-post').querySelector('.notices__appeal-button')).toBeNull();
  });

  it('keeps the appeal dialog open with the server error', async () => {
    mockActions({
      'account.me': author,
      'moderation.mine': () => ({ items: [hidden] }),
      'moderation.appeal': () => {
        throw new ClientError('FORBIDDEN', '没有权限进行此操作');
      },
    });
    renderPage(<NoticesPage />);
    fireEvent.click(await screen.findByText('申诉'));
    await typeInto('.notices__appeal-dialog', '这是社区真实的活动通知。');
    await confirmDialog('notices__appeal-dialog');
    expect(await screen.findByText('没有权限进行此操作')).toBeTruthy();
    expect(document.querySelector('.notices__appeal-dialog')).toBeTruthy();
  });

  it('puts the case an inbox notice opened first', async () => {
    routerParams.id = 'mc-old';
    mockActions({ 'account.me': author, 'moderation.mine': () => ({ items: [hidden, restored] }) });
    renderPage(<NoticesPage />);
    await findElement('.notices__item[data-case-id="mc-old"]');
    expect(Array.from(document.querySelectorAll('.notices__item')).map((el) => el.getAttribute('data-case-id'))).toEqual(['mc-old', 'mc-post']);
    expect(card('mc-old').className).toContain('notices__item--focused');
  });

  it('shows empty and error states', async () => {
    let fail = true;
    mockActions({
      'account.me': author,
      'moderation.mine': () => {
        if (fail) throw new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试');
        return { items: [] };
      },
    });
    renderPage(<NoticesPage />);
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('没有处理通知')).toBeTruthy();
  });
});
