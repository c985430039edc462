import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ConfirmPage from '../../src/package-volunteer/confirm/index';
import type { OutputOf } from '../../src/shared/api/contract';
import { call } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account } from './support/fixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

type Row = OutputOf<'hours.activity'>['rows'][number];

function row(overrides: Partial<Row>): Row {
  return {
    signupId: 's-1',
    nickname: '王阿姨',
    volunteerNo: 'V2026000001',
    checkedInAt: '2026-04-10T00:58:00.000Z',
    checkedOutAt: '2026-04-10T03:02:00.000Z',
    missingCheckout: false,
    proposedMinutes: 124,
    recordId: null,
    recordMinutes: null,
    ...overrides,
  };
}

const wang = row({});
const zhao = row({ signupId: 's-2', nickname: '赵大爷', volunteerNo: 'V2026000002', checkedOutAt: null, missingCheckout: true, proposedMinutes: 120 });
const sun = row({ signupId: 's-3', nickname: '孙阿姨', volunteerNo: 'V2026000003', proposedMinutes: 100 });
const guest = row({ signupId: 's-4', nickname: '钱大伯', volunteerNo: null });
const done = row({ signupId: 's-5', nickname: '周奶奶', volunteerNo: 'V2026000005', recordId: 'h-9', recordMinutes: 120 });

function activityHours(rows: Row[], canConfirm = true): OutputOf<'hours.activity'> {
  return {
    activity: { id: 'a-1', title: '敬老院陪伴', startAt: '2026-04-10T01:00:00.000Z', endAt: '2026-04-10T03:00:00.000Z', creditsPerHour: 10, plannedHours: 2 },
    rows,
    canConfirm,
  };
}

function rowOf(signupId: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`.confirm__row[data-signup-id="${signupId}"]`);
  if (!element) throw new Error(`no row ${signupId}`);
  return element;
}

describe('confirming volunteer hours (leader)', () => {
  it('flags a missing check-out, lets the leader edit minutes and confirms the selected rows in bulk, listing what was skipped', async () => {
    routerParams.id = 'a-1';
    let rows = [wang, zhao, sun, guest, done];
    mockActions({
      'account.me': () => account(),
      'hours.activity': () => activityHours(rows),
      'hours.confirm': () => {
        rows = rows.map((r) => (r.signupId === 's-1' ? { ...r, recordId: 'h-10', recordMinutes: 124 } : r));
        return { confirmed: 1, already: 0, skipped: [{ signupId: 's-2', reason: 'not_checked_in' as const }], credits: 20 };
      },
    });
    renderPage(<ConfirmPage />);
    await findElement('.confirm__row[data-signup-id="s-1"]');
    expect(call).toHaveBeenCalledWith('hours.activity', { activityId: 'a-1' });
    expect(within(rowOf('s-2')).getByText('未签退，按活动结束时间计')).toBeTruthy();
    expect(rowOf('s-2').className).toContain('confirm__row--missing');
    // a non-volunteer and an already recorded row cannot be selected
    expect(within(rowOf('s-4')).getByText('未登记志愿者')).toBeTruthy();
    expect(rowOf('s-4').querySelector('[role="checkbox"]')).toBeNull();
    expect(within(rowOf('s-5')).getByText('已记录 2.0 小时')).toBeTruthy();
    expect(rowOf('s-5').querySelector('[role="checkbox"]')).toBeNull();
    // every confirmable row starts selected
    expect(screen.getByText('确认所选（3）')).toBeTruthy();

    fireEvent.click(rowOf('s-3').querySelector('[role="checkbox"]')!);
    expect(screen.getByText('确认所选（2）')).toBeTruthy();
    expect(document.querySelector('[data-field="selectAll"]')!.getAttribute('aria-checked')).toBe('false');
    await typeInto('[data-field="minutes-s-2"]', '90');

    fireEvent.click(screen.getByText('确认所选（2）'));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('hours.confirm', {
        activityId: 'a-1',
        // unchanged minutes are left to the server's own proposal
        items: [{ signupId: 's-1' }, { signupId: 's-2', minutes: 90 }],
      }),
    );
    expect(await screen.findByText('已确认 1 人，共 20 积分')).toBeTruthy();
    expect(screen.getByText('赵大爷: 未签到')).toBeTruthy();
    // reloaded: the confirmed row now shows its record
    expect(await within(rowOf('s-1')).findByText('已记录 2.1 小时')).toBeTruthy();
  });

  it('select all toggles every confirmable row, and a bad duration stops the confirmation', async () => {
    routerParams.id = 'a-1';
    mockActions({ 'account.me': () => account(), 'hours.activity': () => activityHours([wang, sun]) });
    renderPage(<ConfirmPage />);
    await findElement('[data-field="selectAll"]');
    fireEvent.click(document.querySelector('[data-field="selectAll"]')!);
    expect(screen.getByText('已选 0 人')).toBeTruthy();
    fireEvent.click(document.querySelector('[data-field="selectAll"]')!);
    expect(screen.getByText('已选 2 人')).toBeTruthy();

    await typeInto('[data-field="minutes-s-3"]', '0');
    fireEvent.click(screen.getByText('确认所选（2）'));
    expect(await screen.findByText('孙阿姨: 时长应在 1–1440 分钟之间')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('hours.confirm');
  });

  it('shows the rows read-only to someone who may not confirm', async () => {
    routerParams.id = 'a-1';
    mockActions({ 'account.me': () => account(), 'hours.activity': () => activityHours([wang], false) });
    renderPage(<ConfirmPage />);
    expect(await screen.findByText('只有组织负责人可以确认时长')).toBeTruthy();
    expect(document.querySelector('.confirm__submit')).toBeNull();
    expect(rowOf('s-1').querySelector('[role="checkbox"]')).toBeNull();
  });
});
