/** The staff moderation queue and the appeals page (package-staff). */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ModerationQueuePage from '../../src/package-staff/moderation/index';
import AppealsPage from '../../src/package-staff/appeals/index';
import { call, ClientError } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { caseView, committee, decidedByOther, street } from './support/moderationFixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

function card(caseId: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`.staff-case[data-case-id="${caseId}"]`);
  if (!element) throw new Error(`no card for ${caseId}`);
  return element;
}

const post = caseView();
const group = caseView({ id: 'mc-group', targetType: 'group', targetId: 'g-qipai', title: '北苑棋牌协会', excerpt: '象棋围棋', state: 'open', reportCount: 1, reasons: { off_topic: 1 }, autoHidden: false, itemHidden: false, reports: [{ reason: 'off_topic', text: '和小区无关的宣传', at: '2026-03-02T02:00:00.000Z', reporter: '吴＊' }], abilities: ['moderation.view', 'moderation.decide', 'moderation.dismiss'] });

describe('moderation queue', () => {
  it('shows each reported item with its reports and reasons, and keeps a hidden post hidden with a reason', async () => {
    mockActions({
      'account.me': committee,
      'moderation.queue': () => ({ items: [post, group], total: 2, hasMore: false }),
      'moderation.decide': () => ({ decided: true }),
    });
    renderPage(<ModerationQueuePage />);
    await findElement('.staff-case[data-case-id="mc-post"]');
    expect(call).toHaveBeenCalledWith('moderation.queue', { state: 'open', offset: 0, limit: 20 });
    expect(screen.getByText('共 2 条')).toBeTruthy();
    const postCard = within(card('mc-post'));
    expect(postCard.getByText('恭喜中奖！添加微信领取大礼包')).toBeTruthy();
    expect(postCard.getByText('北苑社区 · 3 人举报')).toBeTruthy();
    expect(postCard.getByText('垃圾广告 × 2')).toBeTruthy();
    expect(postCard.getByText('其他 × 1')).toBeTruthy();
    expect(postCard.getByText('已自动隐藏')).toBeTruthy();
    // A post has no page of its own to open; a group has.
    expect(card('mc-post').querySelector('.staff-case__open')).toBeNull();
    fireEvent.click(within(card('mc-group')).getByText('查看原内容'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/group/index?id=g-qipai' });

    // Already hidden: "hide" reads as "keep hidden".
    fireEvent.click(postCard.getByText('维持隐藏'));
    await findElement('.linli-reason');
    expect(screen.getByText('维持隐藏“北苑晨练太极队”')).toBeTruthy();
    await confirmDialog('linli-reason');
    expect(await screen.findByText('请填写理由（至少 2 个字）')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('moderation.decide');

    await typeInto('.linli-reason', '含有虚假中奖信息');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(call).toHaveBeenCalledWith('moderation.decide', { caseId: 'mc-post', action: 'hide', reason: '含有虚假中奖信息' }));
    // Decided: it leaves the open queue.
    await waitFor(() => expect(document.querySelector('.staff-case[data-case-id="mc-post"]')).toBeNull());
    expect(screen.getByText('共 1 条')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已处理：维持隐藏' }));
  });

  it('shows what each reporter wrote, masked, with the time; restore only for hidden items', async () => {
    mockActions({
      'account.me': committee,
      'moderation.queue': () => ({ items: [post, group], total: 2, hasMore: false }),
    });
    renderPage(<ModerationQueuePage />);
    await findElement('.staff-case[data-case-id="mc-post"]');
    const postCard = within(card('mc-post'));
    expect(postCard.getByText('举报人说')).toBeTruthy();
    expect(postCard.getByText('像是诈骗信息，让加微信领奖')).toBeTruthy();
    expect(postCard.getByText('群里天天发')).toBeTruthy();
    // A reason without words says so rather than showing nothing.
    expect(postCard.getByText('（未填写说明）')).toBeTruthy();
    // The registry's digits-only time, in the reader's time zone.
    expect(postCard.getByText(/^赵＊ · 2026-03-01 \d\d:00$/)).toBeTruthy();
    expect(card('mc-post').querySelectorAll('.staff-case__report')).toHaveLength(3);
    expect(postCard.getByText('恢复显示')).toBeTruthy();
    // The group was never hidden: nothing to restore, but its report can be found unfounded.
    expect(card('mc-group').querySelector('.staff-case__action--restore')).toBeNull();
    expect(within(card('mc-group')).getByText('和小区无关的宣传')).toBeTruthy();
    expect(within(card('mc-group')).getByText('举报不成立')).toBeTruthy();
  });

  it('says when more people reported than are shown', async () => {
    mockActions({
      'account.me': committee,
      'moderation.queue': () => ({ items: [caseView({ reportCount: 25 })], total: 1, hasMore: false }),
    });
    renderPage(<ModerationQueuePage />);
    await findElement('.staff-case[data-case-id="mc-post"]');
    expect(within(card('mc-post')).getByText('仅显示最近 3 条，共 25 人举报')).toBeTruthy();
  });

  it('finds a report unfounded with a reason: the case leaves the open queue', async () => {
    mockActions({
      'account.me': committee,
      'moderation.queue': () => ({ items: [group], total: 1, hasMore: false }),
      'moderation.decide': () => ({ decided: true }),
    });
    renderPage(<ModerationQueuePage />);
    await findElement('.staff-case[data-case-id="mc-group"]');
    fireEvent.click(within(card('mc-group')).getByText('举报不成立'));
    await findElement('.linli-reason');
    expect(screen.getByText('举报不成立“北苑棋牌协会”')).toBeTruthy();
    await typeInto('.linli-reason', '经核实为正常活动宣传');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(call).toHaveBeenCalledWith('moderation.decide', { caseId: 'mc-group', action: 'dismiss', reason: '经核实为正常活动宣传' }));
    await waitFor(() => expect(document.querySelector('.staff-case[data-case-id="mc-group"]')).toBeNull());
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已处理：举报不成立' }));
  });

  it('under "all" a decided case stays, showing the new state and the decision', async () => {
    mockActions({
      'account.me': committee,
      'moderation.queue': (input) => (input.state === 'all' ? { items: [group], total: 1, hasMore: false } : { items: [], total: 0, hasMore: false }),
      'moderation.decide': () => ({ decided: true }),
    });
    renderPage(<ModerationQueuePage />);
    expect(await screen.findByText('没有待处理的举报')).toBeTruthy();
    fireEvent.click(screen.getByText('全部'));
    await findElement('.staff-case[data-case-id="mc-group"]');
    expect(call).toHaveBeenCalledWith('moderation.queue', { state: 'all', offset: 0, limit: 20 });
    fireEvent.click(within(card('mc-group')).getByText('警告'));
    await typeInto('.linli-reason', '请勿发布与社区无关的广告');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(call).toHaveBeenCalledWith('moderation.decide', { caseId: 'mc-group', action: 'warn', reason: '请勿发布与社区无关的广告' }));
    await waitFor(() => expect(card('mc-group').getAttribute('data-state')).toBe('warned'));
    expect(within(card('mc-group')).getByText(/上次处理：警告，请勿发布与社区无关的广告/)).toBeTruthy();
    // Warned, still visible: nothing to restore, and the report is no longer waiting.
    expect(card('mc-group').querySelector('.staff-case__action--restore')).toBeNull();
    expect(card('mc-group').querySelector('.staff-case__action--dismiss')).toBeNull();
    // Hidden now: restore is offered.
    fireEvent.click(within(card('mc-group')).getByText('隐藏'));
    await typeInto('.linli-reason', '确认是广告');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(card('mc-group').getAttribute('data-state')).toBe('hidden'));
    expect(card('mc-group').querySelector('.staff-case__action--restore')).toBeTruthy();
  });

  it('keeps the dialog open with the server error and offers no actions without the ability', async () => {
    mockActions({
      'account.me': committee,
      'moderation.queue': () => ({ items: [post, caseView({ id: 'mc-pending', appeal: { text: '我没有发广告', at: '2026-03-03T00:00:00.000Z', state: 'pending' }, abilities: ['moderation.view'] })], total: 2, hasMore: false }),
      'moderation.decide': () => {
        throw new ClientError('NOT_FOUND', '内容不存在或已删除');
      },
    });
    renderPage(<ModerationQueuePage />);
    await findElement('.staff-case[data-case-id="mc-pending"]');
    expect(card('mc-pending').querySelector('.staff-case__action')).toBeNull();
    expect(within(card('mc-pending')).getByText('作者已申诉，等待复核')).toBeTruthy();
    fireEvent.click(within(card('mc-post')).getByText('恢复显示'));
    await typeInto('.linli-reason', '经核实无问题');
    await confirmDialog('linli-reason');
    expect(await screen.findByText('内容不存在或已删除')).toBeTruthy();
    expect(document.querySelector('.staff-case[data-case-id="mc-post"]')).toBeTruthy();
  });

  it('shows the error state and recovers on retry', async () => {
    let fail = true;
    mockActions({
      'account.me': committee,
      'moderation.queue': () => {
        if (fail) throw new ClientError('INTERNAL', '服务暂时不可用，请稍后再试');
        return { items: [post], total: 1, hasMore: false };
      },
    });
    renderPage(<ModerationQueuePage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    await findElement('.staff-case[data-case-id="mc-post"]');
  });
});

describe('appeals', () => {
  const appealed = caseView({
    lastDecision: decidedByOther,
    appeal: { text: '这是社区真实的活动通知，并非诈骗。', at: '2026-03-03T00:00:00.000Z', state: 'pending' },
    abilities: ['moderation.view', 'moderation.decideAppeal'],
  });

  it('shows the decision and the appeal, and restores the content with a reason', async () => {
    mockActions({
      'account.me': street,
      'moderation.queue': () => ({ items: [appealed], total: 1, hasMore: false }),
      'moderation.decideAppeal': () => ({ decided: true }),
    });
    renderPage(<AppealsPage />);
    await findElement('.staff-case[data-case-id="mc-post"]');
    expect(call).toHaveBeenCalledWith('moderation.queue', { state: 'appealed', offset: 0, limit: 20 });
    expect(screen.getByText('申诉理由：这是社区真实的活动通知，并非诈骗。')).toBeTruthy();
    expect(screen.getByText(/上次处理：隐藏，含有虚假中奖信息/)).toBeTruthy();
    fireEvent.click(screen.getByText('恢复内容'));
    expect(await screen.findByText('恢复“北苑晨练太极队”')).toBeTruthy();
    await typeInto('.linli-reason', '核实为真实活动通知');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(call).toHaveBeenCalledWith('moderation.decideAppeal', { caseId: 'mc-post', uphold: false, reason: '核实为真实活动通知' }));
    expect(await screen.findByText('没有待复核的申诉')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已恢复内容' }));
  });

  it('keeps the decision (uphold) with a reason', async () => {
    mockActions({
      'account.me': street,
      'moderation.queue': () => ({ items: [appealed], total: 1, hasMore: false }),
      'moderation.decideAppeal': () => ({ decided: true }),
    });
    renderPage(<AppealsPage />);
    await findElement('.staff-appeal__uphold');
    fireEvent.click(screen.getByText('维持原处理'));
    await typeInto('.linli-reason', '确认为广告');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(call).toHaveBeenCalledWith('moderation.decideAppeal', { caseId: 'mc-post', uphold: true, reason: '确认为广告' }));
  });

  it('does not let the original decider judge the appeal', async () => {
    mockActions({
      'account.me': committee,
      'moderation.queue': () => ({ items: [{ ...appealed, lastDecision: { ...decidedByOther, byMe: true }, abilities: ['moderation.view'] }], total: 1, hasMore: false }),
    });
    renderPage(<AppealsPage />);
    expect(await screen.findByText('这是你做出的处理，需由其他工作人员复核。')).toBeTruthy();
    expect(document.querySelector('.staff-appeal__uphold')).toBeNull();
    expect(document.querySelector('.staff-appeal__overturn')).toBeNull();
  });
});
