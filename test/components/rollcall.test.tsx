import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import StaffRollCallPage from '../../src/package-staff/rollcall/index';
import RollCallAnswerPage from '../../src/package-volunteer/rollcall/index';
import moderationStaffEn from '../../src/locales/moderation.staff.en';
import moderationStaffZhCN from '../../src/locales/moderation.staff.zh-CN';
import volunteerEn from '../../src/locales/volunteer.en';
import volunteerZhCN from '../../src/locales/volunteer.zh-CN';
import type { RollCallsGetOutput, RollCallView } from '../../src/shared/schemas/volunteers';
import { call } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account } from './support/fixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const committee = () => account({ roles: [{ role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' }] });

function rollCall(overrides: Partial<RollCallView> = {}): RollCallView {
  return {
    id: 'rc-flood',
    communityId: 'cm-beiyuan',
    communityName: '北苑社区',
    title: '北门防汛装沙袋',
    description: '北门低洼处需要装沙袋，请带手套',
    skills: ['医疗护理'],
    gridArea: '3号网格',
    meetingPlace: '北苑北门岗亭',
    meetAt: new Date(Date.now() + 3600_000).toISOString(),
    needed: 5,
    status: 'open',
    createdAt: '2026-07-01T01:00:00.000Z',
    closedAt: null,
    tally: { notified: 12, coming: 2, cannot: 1, pending: 9, capped: false },
    myAnswer: null,
    abilities: ['rollcalls.view', 'rollcalls.tally', 'rollcalls.close'],
    ...overrides,
  };
}

const staffView = (overrides: Partial<RollCallView> = {}): RollCallsGetOutput => ({
  rollCall: rollCall(overrides),
  coming: [
    { nickname: '阿芳', skills: ['医疗护理'], gridArea: '3号网格', etaMinutes: 10, answeredAt: '2026-07-01T01:05:00.000Z' },
    { nickname: '阿东', skills: ['驾驶'], gridArea: '3号网格', etaMinutes: null, answeredAt: '2026-07-01T01:06:00.000Z' },
  ],
});

describe('staff: emergency roll-call', () => {
  it('offers the same preset skills volunteers register with, so a chip matches what they chose', () => {
    expect(moderationStaffZhCN.rollcall.skillOptions).toEqual(volunteerZhCN.register.skillOptions);
    expect(moderationStaffEn.rollcall.skillOptions).toEqual(volunteerEn.register.skillOptions);
  });

  it('sends a roll-call by skill and grid area, then shows its live tally', async () => {
    mockActions({
      'account.me': () => committee(),
      'rollcalls.create': () => rollCall({ tally: { notified: 12, coming: 0, cannot: 0, pending: 12, capped: false } }),
      'rollcalls.get': () => staffView(),
    });
    renderPage(<StaffRollCallPage />);
    await typeInto('[data-field="title"]', '北门防汛装沙袋');
    await typeInto('[data-field="description"]', '北门低洼处需要装沙袋，请带手套');
    fireEvent.click(await findElement('.rollcall__chip[data-value="医疗护理"]'));
    await typeInto('[data-field="gridArea"]', ' 3号网格 ');
    await typeInto('[data-field="meetingPlace"]', '北苑北门岗亭');
    await act(async () => {
      fireEvent.click(await findElement('.rollcall__submit'));
    });
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith(
        'rollcalls.create',
        expect.objectContaining({ communityId: 'cm-beiyuan', title: '北门防汛装沙袋', skills: ['医疗护理'], gridArea: '3号网格', meetingPlace: '北苑北门岗亭', needed: 10 }),
      ),
    );
    expect(await screen.findByText('阿芳')).toBeTruthy();
    expect(screen.getByText('约 10 分钟到')).toBeTruthy();
    expect(screen.getByText('未说明到达时间')).toBeTruthy();
    expect(document.querySelector('.rollcall__number--pending .rollcall__number-value')?.textContent).toBe('9');
  });

  it('street staff choose among the communities below their street', async () => {
    mockActions({
      'account.me': () => account({ roles: [{ role: 'street', regionId: 'st-chengguan', regionName: '城关街道' }] }),
      'regions.tree': () => ({
        roots: [
          {
            id: 'cty-linxi', name: '临溪县', level: 'county', parentId: null, kind: null,
            children: [
              { id: 'st-chengguan', name: '城关街道', level: 'street', parentId: 'cty-linxi', kind: null, children: [
                { id: 'cm-beiyuan', name: '北苑社区', level: 'community', parentId: 'st-chengguan', kind: 'urban', children: [] },
                { id: 'cm-nanhu', name: '南湖社区', level: 'community', parentId: 'st-chengguan', kind: 'urban', children: [] },
              ] },
              { id: 'st-taoyuan', name: '桃源镇', level: 'street', parentId: 'cty-linxi', kind: null, children: [
                { id: 'cm-taoyuan', name: '桃源村', level: 'community', parentId: 'st-taoyuan', kind: 'rural', children: [] },
              ] },
            ],
          },
        ],
      }),
      'rollcalls.create': () => rollCall({ communityId: 'cm-nanhu', communityName: '南湖社区' }),
      'rollcalls.get': () => staffView({ communityId: 'cm-nanhu', communityName: '南湖社区' }),
    });
    renderPage(<StaffRollCallPage />);
    expect(await screen.findByText('南湖社区')).toBeTruthy();
    expect(screen.getByText('北苑社区')).toBeTruthy();
    expect(screen.queryByText('桃源村')).toBeNull();
    fireEvent.click(screen.getByText('南湖社区'));
    await typeInto('[data-field="title"]', '南湖防汛巡查');
    await typeInto('[data-field="description"]', '沿湖步道巡查积水，请穿雨靴');
    await typeInto('[data-field="meetingPlace"]', '南湖社区服务站');
    await act(async () => {
      fireEvent.click(await findElement('.rollcall__submit'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('rollcalls.create', expect.objectContaining({ communityId: 'cm-nanhu', title: '南湖防汛巡查' })));
  });

  it('stops an incomplete form before sending', async () => {
    mockActions({ 'account.me': () => committee() });
    renderPage(<StaffRollCallPage />);
    await typeInto('[data-field="needed"]', '501');
    await act(async () => {
      fireEvent.click(await findElement('.rollcall__submit'));
    });
    expect(await screen.findByText('召集事由需要 2–30 个字')).toBeTruthy();
    expect(screen.getByText('集合地点需要 2–60 个字')).toBeTruthy();
    expect(screen.getByText('需要人数应为 1–500 的整数')).toBeTruthy();
    expect(call).not.toHaveBeenCalledWith('rollcalls.create', expect.anything());
  });

  it('closes after a confirmation', async () => {
    routerParams.id = 'rc-flood';
    mockActions({
      'account.me': () => committee(),
      'rollcalls.get': () => staffView(),
      'rollcalls.close': () => rollCall({ status: 'closed', closedAt: '2026-07-01T03:00:00.000Z', abilities: ['rollcalls.view', 'rollcalls.tally'] }),
    });
    renderPage(<StaffRollCallPage />);
    fireEvent.click(await findElement('.rollcall__close'));
    expect(await screen.findByText('确认结束本次召集？')).toBeTruthy();
    await confirmDialog('rollcall__confirm');
    await waitFor(() => expect(call).toHaveBeenCalledWith('rollcalls.close', { rollCallId: 'rc-flood' }));
    await waitFor(() => expect(document.querySelector('.rollcall__status--closed')).toBeTruthy());
    expect(document.querySelector('.rollcall__close')).toBeNull();
  });

  it('shows an error with a retry when the tally cannot load, and an empty list before anyone answers', async () => {
    routerParams.id = 'rc-flood';
    let fail = true;
    mockActions({
      'account.me': () => committee(),
      'rollcalls.get': () => {
        if (fail) throw new Error('offline');
        return { ...staffView(), coming: [] };
      },
    });
    renderPage(<StaffRollCallPage />);
    const retry = await findElement('.linli-state--error .nut-button, .linli-state--error button');
    fail = false;
    await act(async () => {
      fireEvent.click(retry);
    });
    expect(await screen.findByText('还没有人回复能到')).toBeTruthy();
  });
});

describe('volunteer: answering a roll-call', () => {
  const called = (overrides: Partial<RollCallView> = {}) => rollCall({ tally: null, abilities: ['rollcalls.view', 'rollcalls.respond'], myAnswer: { answer: 'none', etaMinutes: null, answeredAt: null }, ...overrides });

  it('shows what, where and when, and answers "coming" with an ETA', async () => {
    routerParams.id = 'rc-flood';
    mockActions({
      'rollcalls.get': () => ({ rollCall: called(), coming: null }),
      'rollcalls.respond': (input) => called({ myAnswer: { answer: input.answer, etaMinutes: input.etaMinutes ?? null, answeredAt: '2026-07-01T01:05:00.000Z' } }),
    });
    renderPage(<RollCallAnswerPage />);
    expect(await screen.findByText('北苑北门岗亭')).toBeTruthy();
    expect(screen.getByText('北门低洼处需要装沙袋，请带手套')).toBeTruthy();
    expect(screen.getByText('还没有回复')).toBeTruthy();
    fireEvent.click(await findElement('.rollcall-answer__etas [data-value="20"]'));
    await act(async () => {
      fireEvent.click(await findElement('.rollcall-answer__coming'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('rollcalls.respond', { rollCallId: 'rc-flood', answer: 'coming', etaMinutes: 20 }));
    expect(await screen.findByText('你已回复：能到')).toBeTruthy();
    expect(screen.getByText('预计 20 分钟到')).toBeTruthy();
  });

  it('answers "cannot" without an ETA', async () => {
    routerParams.id = 'rc-flood';
    mockActions({
      'rollcalls.get': () => ({ rollCall: called(), coming: null }),
      'rollcalls.respond': (input) => called({ myAnswer: { answer: input.answer, etaMinutes: null, answeredAt: '2026-07-01T01:05:00.000Z' } }),
    });
    renderPage(<RollCallAnswerPage />);
    expect(await screen.findByText('北苑北门岗亭')).toBeTruthy();
    await act(async () => {
      fireEvent.click(await findElement('.rollcall-answer__cannot'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('rollcalls.respond', { rollCallId: 'rc-flood', answer: 'cannot' }));
    expect(await screen.findByText('你已回复：来不了')).toBeTruthy();
  });

  it('offers no answer once it is closed', async () => {
    routerParams.id = 'rc-flood';
    mockActions({ 'rollcalls.get': () => ({ rollCall: called({ status: 'closed', abilities: ['rollcalls.view'], myAnswer: { answer: 'coming', etaMinutes: 10, answeredAt: '2026-07-01T01:05:00.000Z' } }), coming: null }) });
    renderPage(<RollCallAnswerPage />);
    expect(await screen.findByText('本次召集已结束，谢谢你的关注')).toBeTruthy();
    expect(document.querySelector('.rollcall-answer__coming')).toBeNull();
  });

  it('says when she has not been called to any', async () => {
    mockActions({ 'rollcalls.list': () => ({ items: [], total: 0, hasMore: false }) });
    renderPage(<RollCallAnswerPage />);
    expect(await screen.findByText('暂时没有应急召集')).toBeTruthy();
  });

  it('lists the roll-calls she was called to with her answer', async () => {
    mockActions({ 'rollcalls.list': () => ({ items: [called({ myAnswer: { answer: 'coming', etaMinutes: 10, answeredAt: '2026-07-01T01:05:00.000Z' } })], total: 1, hasMore: false }) });
    renderPage(<RollCallAnswerPage />);
    expect(await screen.findByText('北门防汛装沙袋')).toBeTruthy();
    expect(screen.getByText('你已回复：能到')).toBeTruthy();
  });
});
