/**
 * The care pages (package-care) and the dashboard's care figures, in Chinese, in English and in
 * elderly mode: the committee registers a person only with consent (the contract's schema decides,
 * nothing is sent otherwise), sees her consent and pairs; a paired volunteer sees her people with
 * due dates and logs a visit; the dashboard shows people in care on time and overdue.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CareListPage from '../../src/package-care/list/index';
import CareMinePage from '../../src/package-care/mine/index';
import CarePersonPage from '../../src/package-care/person/index';
import CareRegisterPage from '../../src/package-care/register/index';
import CareVisitPage from '../../src/package-care/visit/index';
import { CareFigures } from '../../src/package-staff/dashboard/CareFigures';
import '../../src/package-staff/locale';
import type { CareMyPairsOutput, CareRecipientView, CareVisitView } from '../../src/shared/schemas/care';
import { call, uploadImage } from '../../src/services/cloud';
import { setElderly, setLocale } from '../../src/stores/settings';
import { chinaDay } from '../../src/utils/chinaTime';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account, groupCard } from './support/fixtures';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const DAY = 24 * 3600_000;
const today = () => chinaDay();
const inDays = (days: number) => chinaDay(Date.now() + days * DAY);
const committee = () => account({ roles: [{ role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' }] });
const calledWith = (action: string) => jest.mocked(call).mock.calls.filter(([name]) => name === action).map(([, input]) => input);

function person(overrides: Partial<CareRecipientView> = {}): CareRecipientView {
  return {
    id: 'cr-li',
    communityId: 'cm-beiyuan',
    communityName: '北苑社区',
    category: 'lone_elder',
    name: '李奶奶',
    phone: '13900001111',
    address: '北苑小区3栋101',
    notes: '糖尿病',
    frequencyDays: 7,
    status: 'active',
    closedReason: null,
    closedAt: null,
    lastVisitDate: null,
    dueDate: inDays(3),
    overdue: false,
    userId: null,
    consent: { by: 'guardian', guardianName: '李明', witnessedByName: '张主任', reference: 'PAPER-001', recordedAt: '2026-12-01T02:00:00.000Z' },
    pairs: [{ id: 'cp-1', kind: 'volunteer', name: '阿芳', groupId: null, status: 'active', pairedAt: '2026-12-01T02:00:00.000Z', endedAt: null }],
    abilities: ['care.view', 'care.viewConsent', 'care.update', 'care.close', 'care.pair', 'care.unpair', 'care.visits'],
    ...overrides,
  };
}

function visit(overrides: Partial<CareVisitView> = {}): CareVisitView {
  return { id: 'cv-1', visitDate: today(), minutes: 60, notes: '陪老人聊天', photo: null, visitorName: '阿芳', onTime: true, hourRecordId: 'hc-1', hourState: 'pending', loggedAt: new Date().toISOString(), ...overrides };
}

function myPairs(): CareMyPairsOutput {
  return {
    items: [
      { recipientId: 'cr-li', pairId: 'cp-1', name: '李奶奶', category: 'lone_elder', address: '北苑小区3栋101', phone: '13900001111', groupName: null, lastVisitDate: null, dueDate: inDays(-2), overdue: true, daysLeft: -2 },
      { recipientId: 'cr-zhao', pairId: 'cp-2', name: '赵爷爷', category: 'disability', address: '北苑小区5栋', phone: null, groupName: '北苑助老队', lastVisitDate: today(), dueDate: inDays(5), overdue: false, daysLeft: 5 },
    ],
  };
}

describe('registering a person: consent first', () => {
  async function fillPerson(): Promise<void> {
    fireEvent.click(await findElement('[data-field="category"] [data-value="lone_elder"]'));
    await typeInto('[data-field="name"]', '李奶奶');
    await typeInto('[data-field="address"]', '北苑小区3栋101');
  }

  it('refuses without witnessed consent and a form reference, sending nothing; then registers with them', async () => {
    routerParams.communityId = 'cm-beiyuan';
    mockActions({ 'account.me': () => committee(), 'care.register': () => person() });
    renderPage(<CareRegisterPage />);
    await fillPerson();
    await act(async () => {
      fireEvent.click(await findElement('.care-register__submit'));
    });
    expect(document.querySelector('[data-field="witnessed"] .linli-field__error')?.textContent).toBe('请确认已当面见证同意');
    expect(document.querySelector('[data-field="reference"] .linli-field__error')?.textContent).toBe('请上传或填写知情同意书');
    // A guardian's consent needs the guardian's name.
    fireEvent.click(await findElement('[data-field="consentBy"] [data-value="guardian"]'));
    await typeInto('[data-field="reference"]', 'PAPER-001');
    fireEvent.click(await findElement('.care-witnessed'));
    await act(async () => {
      fireEvent.click(await findElement('.care-register__submit'));
    });
    expect(document.querySelector('[data-field="guardianName"] .linli-field__error')?.textContent).toBe('请填写监护人姓名');
    expect(calledWith('care.register')).toEqual([]);

    await typeInto('[data-field="guardianName"]', '李明');
    await act(async () => {
      fireEvent.click(await findElement('.care-register__submit'));
    });
    await waitFor(() =>
      expect(calledWith('care.register')).toEqual([
        expect.objectContaining({
          communityId: 'cm-beiyuan',
          category: 'lone_elder',
          name: '李奶奶',
          address: '北苑小区3栋101',
          frequencyDays: 7,
          consent: { by: 'guardian', guardianName: '李明', reference: 'PAPER-001', witnessed: true },
        }),
      ]),
    );
  });

  it('speaks English, in elderly mode', async () => {
    act(() => {
      setLocale('en');
      setElderly(true);
    });
    routerParams.communityId = 'cm-beiyuan';
    mockActions({ 'account.me': () => committee() });
    const { container } = renderPage(<CareRegisterPage />);
    expect(await screen.findByText('Elder living alone')).toBeTruthy();
    expect(screen.getByText('I witnessed the person (or guardian) agree in person')).toBeTruthy();
    expect(container.querySelector('.linli-page--elderly.care-register')).toBeTruthy();
    await act(async () => {
      fireEvent.click(await findElement('.care-register__submit'));
    });
    expect(document.querySelector('[data-field="category"] .linli-field__error')?.textContent).toBe('Please choose a category');
  });
});

describe("the committee's register", () => {
  it('lists the people due soonest, with the overdue ones marked, and filters the overdue', async () => {
    mockActions({
      'account.me': () => committee(),
      'care.list': () => ({ items: [person({ overdue: true, dueDate: inDays(-2) }), person({ id: 'cr-zhao', name: '赵爷爷', pairs: [] })], total: 2, hasMore: false }),
      'care.overdue': () => ({ items: [{ recipientId: 'cr-li', name: '李奶奶', category: 'lone_elder', lastVisitDate: null, dueDate: inDays(-2), daysOverdue: 2, pairedWith: ['阿芳'] }], total: 1, hasMore: false }),
    });
    renderPage(<CareListPage />);
    expect(await screen.findByText('赵爷爷')).toBeTruthy();
    expect(screen.getByText('已逾期 2 天')).toBeTruthy();
    expect(screen.getByText('尚未结对')).toBeTruthy();
    expect(calledWith('care.list')).toEqual([expect.objectContaining({ communityId: 'cm-beiyuan', status: 'active' })]);
    fireEvent.click(await findElement('.care-filter [data-value="overdue"]'));
    await waitFor(() => expect(calledWith('care.overdue')).toEqual([expect.objectContaining({ communityId: 'cm-beiyuan' })]));
    await waitFor(() => expect(screen.queryByText('赵爷爷')).toBeNull());
    expect(screen.getByText('结对：阿芳')).toBeTruthy();
  });

  it('tells someone without a committee role that there is no register for her', async () => {
    mockActions({ 'account.me': () => account() });
    renderPage(<CareListPage />);
    expect(await screen.findByText('你不是任何社区居委会的工作人员')).toBeTruthy();
    expect(calledWith('care.list')).toEqual([]);
  });
});

describe('one person', () => {
  it('staff see the consent and pairings, pair by volunteer number, and end care with a reason', async () => {
    routerParams.id = 'cr-li';
    mockActions({
      'account.me': () => committee(),
      'care.get': () => person(),
      'care.visits': () => ({ items: [visit({ onTime: false, hourState: 'confirmed' })], total: 1, hasMore: false }),
      'care.pair': () => person({ pairs: [...person().pairs, { id: 'cp-2', kind: 'volunteer', name: '阿宾', groupId: null, status: 'active', pairedAt: '2026-12-02T02:00:00.000Z', endedAt: null }] }),
      'groups.list': () => ({ items: [groupCard({ id: 'g-zhulao', name: '北苑助老队' })], total: 1, hasMore: false }),
      'care.close': () => person({ status: 'closed', closedReason: 'consent_withdrawn', phone: null, address: null, notes: null, name: '李**', abilities: ['care.view', 'care.viewConsent', 'care.unpair', 'care.visits'] }),
    });
    renderPage(<CarePersonPage />);
    expect(await screen.findByText('李奶奶')).toBeTruthy();
    expect(screen.getByText(/监护人 李明同意，张主任 见证/)).toBeTruthy();
    expect(screen.getByText('逾期探访 · 时长已确认')).toBeTruthy();
    expect(document.querySelector('.care-log')).toBeNull();

    await typeInto('.care-pair-form', 'V0000000001');
    await act(async () => {
      fireEvent.click(await findElement('.care-pair'));
    });
    await waitFor(() => expect(calledWith('care.pair')).toEqual([{ recipientId: 'cr-li', volunteerNo: 'V0000000001' }]));
    expect(await screen.findByText('阿宾')).toBeTruthy();
    // Or a group of her community.
    fireEvent.click(await findElement('.care-pair-groups [data-value="g-zhulao"]'));
    await waitFor(() => expect(calledWith('care.pair')).toEqual([{ recipientId: 'cr-li', volunteerNo: 'V0000000001' }, { recipientId: 'cr-li', groupId: 'g-zhulao' }]));
    expect(calledWith('groups.list')).toEqual([expect.objectContaining({ area: 'nearby', communityId: 'cm-beiyuan' })]);

    fireEvent.click(await findElement('.care-close [data-value="consent_withdrawn"]'));
    await confirmDialog('linli-confirm');
    await waitFor(() => expect(calledWith('care.close')).toEqual([{ recipientId: 'cr-li', reason: 'consent_withdrawn' }]));
    expect(await screen.findByText('已结束（本人或监护人撤回同意）')).toBeTruthy();
    expect(screen.queryByText(/北苑小区/)).toBeNull();
  });

  it('a paired volunteer sees what a visit needs and can log one; no consent, no pairing controls', async () => {
    routerParams.id = 'cr-li';
    mockActions({
      'account.me': () => account(),
      'care.get': () => person({ consent: null, abilities: ['care.view', 'care.logVisit', 'care.visits'] }),
      'care.visits': () => ({ items: [], total: 0, hasMore: false }),
    });
    renderPage(<CarePersonPage />);
    expect(await screen.findByText('住址：北苑小区3栋101')).toBeTruthy();
    expect(screen.getByText('还没有探访记录')).toBeTruthy();
    expect(screen.queryByText(/见证/)).toBeNull();
    expect(document.querySelector('.care-pair-form')).toBeNull();
    expect(document.querySelector('.care-unpair')).toBeNull();
    expect(document.querySelector('.care-close')).toBeNull();
    expect(document.querySelector('.care-log')).toBeTruthy();
  });
});

describe('我的结对 and logging a visit', () => {
  it('lists my people soonest due first with what is overdue, in Chinese and in English', async () => {
    mockActions({ 'account.me': () => account(), 'care.myPairs': () => myPairs() });
    renderPage(<CareMinePage />);
    expect(await screen.findByText('李奶奶')).toBeTruthy();
    expect(screen.getByText('已逾期 2 天')).toBeTruthy();
    expect(screen.getByText('还有 5 天')).toBeTruthy();
    expect(screen.getByText('通过「北苑助老队」结对')).toBeTruthy();
    expect(Array.from(document.querySelectorAll('.care-card[data-id]'), (card) => card.getAttribute('data-id'))).toEqual(['cr-li', 'cr-zhao']);
    act(() => setLocale('en'));
    expect(await screen.findByText('Overdue by 2 days')).toBeTruthy();
    expect(screen.getByText('Paired through "北苑助老队"')).toBeTruthy();
  });

  it('shows an empty state when nobody is paired with me', async () => {
    mockActions({ 'account.me': () => account(), 'care.myPairs': () => ({ items: [] }) });
    renderPage(<CareMinePage />);
    expect(await screen.findByText('还没有结对关爱对象')).toBeTruthy();
  });

  it('checks the visit with the contract before sending, then logs it', async () => {
    routerParams.id = 'cr-li';
    mockActions({ 'account.me': () => account(), 'care.logVisit': () => visit() });
    renderPage(<CareVisitPage />);
    await typeInto('[data-field="minutes"]', '3');
    await act(async () => {
      fireEvent.click(await findElement('.care-visit__submit'));
    });
    expect(document.querySelector('[data-field="minutes"] .linli-field__error')?.textContent).toBe('请填写 5–480 分钟');
    expect(document.querySelector('[data-field="notes"] .linli-field__error')?.textContent).toBe('请填写探访情况（2–500 字）');
    expect(calledWith('care.logVisit')).toEqual([]);
    await typeInto('[data-field="minutes"]', '45');
    await typeInto('[data-field="notes"]', '陪老人聊天，测了血压');
    await act(async () => {
      fireEvent.click(await findElement('.care-visit__submit'));
    });
    await waitFor(() => expect(calledWith('care.logVisit')).toEqual([{ recipientId: 'cr-li', visitDate: today(), minutes: 45, notes: '陪老人聊天，测了血压' }]));
  });

  it('logs a visit with a photo, uploaded as evidence', async () => {
    routerParams.id = 'cr-li';
    mockActions({ 'account.me': () => account(), 'care.logVisit': () => visit() });
    const chooser = jest.spyOn(Taro, 'chooseImage').mockImplementation(async () => ({ tempFilePaths: ['wxfile://tmp/visit.jpg'], tempFiles: [], errMsg: 'chooseImage:ok' }));
    renderPage(<CareVisitPage />);
    await typeInto('[data-field="minutes"]', '45');
    await typeInto('[data-field="notes"]', '陪老人聊天，测了血压');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '添加图片' }));
    });
    expect(document.querySelector('[data-field="photo"] .linli-photo__img')?.getAttribute('src')).toBe('wxfile://tmp/visit.jpg');
    await act(async () => {
      fireEvent.click(await findElement('.care-visit__submit'));
    });
    await waitFor(() =>
      expect(calledWith('care.logVisit')).toEqual([{ recipientId: 'cr-li', visitDate: today(), minutes: 45, notes: '陪老人聊天，测了血压', photo: 'cloud://test/evidence/wxfile___tmp_visit_jpg' }]),
    );
    expect(uploadImage).toHaveBeenCalledWith('wxfile://tmp/visit.jpg', 'evidence');
    chooser.mockRestore();
  });
});

describe("the dashboard's care figures", () => {
  const figures = {
    inCare: 5,
    onTime: 3,
    overdue: 2,
    byCommunity: [{ id: 'cm-beiyuan', name: '北苑社区', inCare: 5, onTime: 3, overdue: 2 }],
    byMonth: [
      { month: '2026-11', visits: 4, onTime: 3, late: 1 },
      { month: '2026-12', visits: 2, onTime: 2, late: 0 },
    ],
  };

  it('shows people in care, on time and overdue, by community and month', () => {
    renderPage(<CareFigures care={figures} />);
    expect(document.querySelector('.dash-care__tile--in-care .dash-tile__label')?.textContent).toBe('在册关爱对象');
    expect(document.querySelector('.dash-care__tile--overdue .dash-tile__value')?.textContent).toBe('2');
    expect(screen.getByText('4 次（按时 3，逾期 1）')).toBeTruthy();
    expect(document.querySelector('.dash-care__row[data-region-id="cm-beiyuan"]')?.textContent).toContain('北苑社区');
  });

  it('in English', () => {
    act(() => setLocale('en'));
    renderPage(<CareFigures care={{ ...figures, byCommunity: [] }} />);
    expect(document.querySelector('.dash-care__tile--in-care .dash-tile__label')?.textContent).toBe('People in care');
    expect(screen.getByText('4 (3 on time, 1 late)')).toBeTruthy();
    expect(screen.getByText('Nobody in care yet')).toBeTruthy();
  });
});
