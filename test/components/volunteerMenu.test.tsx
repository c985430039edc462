import { fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { VolunteerMenu } from '../../src/pages/me/VolunteerMenu';
import { groupCard } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

const since = '2025-06-01T00:00:00.000Z';

describe('volunteer entries in 我的', () => {
  it('offers a resident the four volunteer entries, none of the queues', () => {
    renderPage(<VolunteerMenu abilities={['account.updateProfile']} groups={[groupCard({ myMembership: { status: 'active', role: 'member', since } })]} />);
    for (const label of ['志愿服务', '我的积分', '积分超市', '服务证明']) expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    expect(screen.queryByText('时长审核')).toBeNull();
    expect(screen.queryByText('证明出具')).toBeNull();
    expect(screen.queryByText('积分超市管理')).toBeNull();
    fireEvent.click(document.querySelector('.me__volunteer-hours')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-volunteer/hours/index' });
  });

  it('adds the review and proof queues for a group leader', () => {
    renderPage(<VolunteerMenu abilities={[]} groups={[groupCard({ myMembership: { status: 'active', role: 'co_leader', since } })]} />);
    expect(screen.getByText('时长审核')).toBeTruthy();
    expect(screen.getByText('证明出具')).toBeTruthy();
    expect(screen.queryByText('积分超市管理')).toBeNull();
  });

  it('adds the store management for staff', () => {
    renderPage(<VolunteerMenu abilities={['staff.console']} groups={[]} />);
    expect(screen.getByText('时长审核')).toBeTruthy();
    expect(screen.getByText('证明出具')).toBeTruthy();
    fireEvent.click(screen.getByText('积分超市管理'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-volunteer/store-admin/index' });
  });
});
