/**
 * Consent for subscribe messages is asked in the tap where the message is born (WeChat shows the
 * prompt only inside a tap handler, one consent per message): volunteer registration and the
 * roll-call answer → call-out; founding a group → review result; asking to join → review
 * result. Template ids come from the server (account.me); the answer shows as a line.
 * Also: NutUI's own texts follow the app's language, and the list footer's end text.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Input } from '@nutui/nutui-react-taro';
import GroupPage from '../../src/pages/group/index';
import FoundPage from '../../src/package-leader/found/index';
import RegisterPage from '../../src/package-volunteer/register/index';
import RollCallAnswerPage from '../../src/package-volunteer/rollcall/index';
import { PageRoot } from '../../src/components/PageRoot';
import { ListFooter } from '../../src/components/ListFooter';
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import type { AccountMeOutput } from '../../src/shared/schemas/account';
import type { RollCallView } from '../../src/shared/schemas/volunteers';
import { call } from '../../src/services/cloud';
import { setLocale } from '../../src/stores/settings';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account, groupDetail, regionTree } from './support/fixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';
import { profile } from './support/volunteerFixtures';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const TEMPLATES = { reminder: 'tpl-reminder', offer: 'tpl-offer', rollcall: 'tpl-rollcall', groupReview: 'tpl-group-review', joinDecision: 'tpl-join-decision' };
const me = (): AccountMeOutput => ({ ...account(), subscribeTemplates: TEMPLATES });

type Answer = Record<string, string>;
let prompt: jest.SpyInstance;

beforeEach(() => {
  resetApp();
  prompt = jest.spyOn(Taro, 'requestSubscribeMessage');
});
afterEach(() => {
  prompt.mockRestore();
});

/**
 * A tap as in WeChat: the prompt exists there only, and utils/subscribe reads TARO_ENV when it
 * runs (a build inlines it). Only the tap's own code runs as weapp: pages render as H5 (their
 * privacy popup would call WeChat-only APIs, and a platform switch between renders changes
 * their hooks).
 */
function tapInWeapp(element: Element): void {
  const platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  try {
    fireEvent.click(element);
  } finally {
    process.env.TARO_ENV = platform;
  }
}

/** WeChat's answer to the prompt: per template id, 'accept' or 'reject'. */
function answerWith(answer: Answer): void {
  prompt.mockImplementation(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', ...answer }) as unknown as ReturnType<typeof Taro.requestSubscribeMessage>);
}

/** A promise the test settles, so an action is still running when the tap returns. */
function held<T>() {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

const rollCall = (overrides: Partial<RollCallView> = {}): RollCallView => ({
  id: 'rc-flood',
  communityId: 'cm-beiyuan',
  communityName: '北苑社区',
  title: '北门防汛装沙袋',
  description: '北门低洼处需要装沙袋，请带手套',
  skills: [],
  gridArea: null,
  meetingPlace: '北苑北门岗亭',
  meetAt: new Date(Date.now() + 3600_000).toISOString(),
  needed: 5,
  status: 'open',
  createdAt: '2026-07-01T01:00:00.000Z',
  closedAt: null,
  tally: null,
  myAnswer: { answer: 'none', etaMinutes: null, answeredAt: null },
  abilities: ['rollcalls.view', 'rollcalls.respond'],
  ...overrides,
});

describe('consent in the tap', () => {
  it('the roll-call answer asks for the call-out template in the tap, then says she subscribed', async () => {
    routerParams.id = 'rc-flood';
    const respond = held<RollCallView>();
    mockActions({ 'account.me': me, 'rollcalls.get': () => ({ rollCall: rollCall(), coming: null }), 'rollcalls.respond': () => respond.promise });
    answerWith({ 'tpl-rollcall': 'accept' });
    renderPage(<RollCallAnswerPage />);
    const coming = await findElement('.rollcall-answer__coming');
    await waitFor(() => expect(call).toHaveBeenCalledWith('account.me', {}));

    act(() => {
      tapInWeapp(coming);
    });
    // Asked within the tap itself: before the answer was even sent back.
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-rollcall'] });
    await act(async () => {
      respond.release(rollCall({ myAnswer: { answer: 'coming', etaMinutes: null, answeredAt: '2026-07-01T01:05:00.000Z' } }));
    });
    expect(await screen.findByText('已订阅：应急召集通知')).toBeTruthy();
  });

  it('volunteer registration asks for the call-out template; declining says the inbox will hold it', async () => {
    mockActions({ 'account.me': me, 'volunteers.me': () => ({ profile: null }), 'volunteers.register': () => profile() });
    answerWith({ 'tpl-rollcall': 'reject' });
    renderPage(<RegisterPage />);
    await screen.findByText('提交登记');
    await waitFor(() => expect(call).toHaveBeenCalledWith('account.me', {}));
    await typeInto('[data-field="realName"]', '王秀英');
    const first17 = '11010519491231002';
    await typeInto('[data-field="idNumber"]', `${first17}${mainlandCheckChar(first17)}`);
    fireEvent.click(document.querySelector('[data-field="sensitiveConsent"][role="checkbox"]')!);
    fireEvent.click(document.querySelector('[data-field="skillChoice"] [data-value="助老服务"]')!);

    await act(async () => {
      tapInWeapp(screen.getByText('提交登记'));
      expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-rollcall'] });
    });
    expect(await screen.findByText('登记成功')).toBeTruthy();
    expect(await screen.findByText('未订阅应急召集通知，结果会保存在「消息」中')).toBeTruthy();
  });

  it('a form with mistakes asks for nothing', async () => {
    mockActions({ 'account.me': me, 'volunteers.me': () => ({ profile: null }), 'volunteers.register': () => profile() });
    renderPage(<RegisterPage />);
    await screen.findByText('提交登记');
    await act(async () => {
      tapInWeapp(screen.getByText('提交登记'));
    });
    expect(prompt).not.toHaveBeenCalled();
  });

  it('founding a group asks for the review-result template in the tap and says so with the confirmation', async () => {
    mockActions({ 'account.me': me, 'regions.tree': () => regionTree, 'groups.found': () => groupDetail({ id: 'g-new', status: 'pending' }) });
    answerWith({ 'tpl-group-review': 'accept' });
    renderPage(<FoundPage />);
    await findElement('[data-field="name"]');
    await typeInto('[data-field="name"]', '北苑棋牌协会');
    fireEvent.click(document.querySelector<HTMLElement>('[data-field="type"] [data-value="culture_sports"]')!);
    fireEvent.click(document.querySelector<HTMLElement>('[data-field="managementLevel"] [data-value="community"]')!);
    await typeInto('[data-field="description"]', '象棋、围棋、掼蛋，每周二周四下午在活动室切磋。');
    await typeInto('[data-field="contactName"]', '钱大伯');
    await typeInto('[data-field="contactPhone"]', '13912345678');

    await act(async () => {
      tapInWeapp(document.querySelector<HTMLElement>('.found__submit')!);
      expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-group-review'] });
    });
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交，等待审核\n已订阅：审核结果通知' })));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/package-leader/applications/index' });
  });

  it('asking to join asks for the join-decision template in the confirming tap', async () => {
    const since = '2025-02-01T00:00:00.000Z';
    mockActions({
      'account.me': me,
      'groups.get': () => groupDetail({ joinPolicy: 'approval' }),
      'groups.join': () => groupDetail({ joinPolicy: 'approval', myMembership: { status: 'pending', role: 'member', since }, abilities: ['groups.view', 'groups.leave'] }),
    });
    answerWith({ 'tpl-join-decision': 'accept' });
    routerParams.id = 'g-taiji';
    renderPage(<GroupPage />);
    await screen.findByText('北苑晨练太极队');
    await waitFor(() => expect(call).toHaveBeenCalledWith('account.me', {}));
    fireEvent.click(document.querySelector<HTMLElement>('.group__action')!);
    const ok = await findElement('.linli-confirm .nut-dialog-footer-ok');
    await act(async () => {
      tapInWeapp(ok);
      expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-join-decision'] });
    });
    expect(await screen.findByText('已订阅：审核结果通知')).toBeTruthy();
  });

  it('joining an open group asks nothing (there is no review)', async () => {
    const since = '2025-02-01T00:00:00.000Z';
    routerParams.id = 'g-taiji';
    mockActions({
      'account.me': me,
      'groups.get': () => groupDetail({ joinPolicy: 'open' }),
      'groups.join': () => groupDetail({ joinPolicy: 'open', myMembership: { status: 'active', role: 'member', since }, abilities: ['groups.view', 'groups.leave'] }),
    });
    renderPage(<GroupPage />);
    await screen.findByText('北苑晨练太极队');
    fireEvent.click(document.querySelector<HTMLElement>('.group__action')!);
    const confirm = await findElement('.linli-confirm .nut-dialog-footer-ok');
    await act(async () => {
      tapInWeapp(confirm);
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.join', { groupId: 'g-taiji' }));
    expect(prompt).not.toHaveBeenCalled();
  });

  it('asks nothing for a topic the server has no template for', async () => {
    routerParams.id = 'rc-flood';
    mockActions({ 'account.me': () => account(), 'rollcalls.get': () => ({ rollCall: rollCall(), coming: null }), 'rollcalls.respond': () => rollCall() });
    renderPage(<RollCallAnswerPage />);
    await waitFor(() => expect(call).toHaveBeenCalledWith('account.me', {}));
    const coming = await findElement('.rollcall-answer__coming');
    await act(async () => {
      tapInWeapp(coming);
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('rollcalls.respond', expect.anything()));
    expect(prompt).not.toHaveBeenCalled();
    expect(document.querySelector('.linli-subscribe-note')).toBeNull();
  });
});

describe("NutUI's own texts and the list footer follow the language", () => {
  it('switches NutUI’s placeholder with the app’s locale', async () => {
    renderPage(
      <PageRoot titleKey='titles.settings'>
        <Input className='probe' />
      </PageRoot>,
    );
    // Taro H5's <Input> is the custom element taro-input-core, which carries the placeholder.
    const input = () => document.querySelector<HTMLElement>('.probe [placeholder]')!;
    expect(input().getAttribute('placeholder')).toBe('请输入');
    act(() => setLocale('en'));
    await waitFor(() => expect(input().getAttribute('placeholder')).toBe('Please enter'));
  });

  it('ends a list with "No more" in English (not "No more groups")', () => {
    act(() => setLocale('en'));
    renderPage(<ListFooter hasMore={false} loadingMore={false} error={null} onLoadMore={() => undefined} />);
    expect(screen.getByText('No more')).toBeTruthy();
  });
});
