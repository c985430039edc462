import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import EditActivityPage from '../../src/package-events/edit/index';
import { checkForm, defaultValues } from '../../src/package-events/edit/form';
import { translate } from '../../src/locales';
import { call, ClientError } from '../../src/services/cloud';
import { chinaDay } from '../../src/utils/chinaTime';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { activityDetail } from './support/eventFixtures';
import { account, groupDetail } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const DAY = 24 * 3600_000;
const leaderGroup = () => groupDetail({ id: 'g-taiji', abilities: ['groups.view', 'groups.edit', 'activities.create'] });

beforeEach(() => {
  resetApp();
  routerParams.groupId = 'g-taiji';
});

/** The native input (or textarea) inside the element matching `selector`, once rendered. */
async function field(selector: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const input = document.querySelector<HTMLInputElement>(`${selector} input, ${selector} textarea`);
    if (!input) throw new Error(`${selector} not rendered`);
    return input;
  });
}

async function type(selector: string, value: string): Promise<void> {
  fireEvent.input(await field(selector), { target: { value } });
}

function errorOf(name: string): string | null {
  const element = document.querySelector(`[data-field="${name}"] .events-form__error`);
  return element ? element.textContent : null;
}

async function submit(): Promise<void> {
  await act(async () => {
    fireEvent.click(document.querySelector('.events-form__submit')!);
  });
}

async function fillValid(): Promise<void> {
  await type('.events-form__title', '周末护河行动');
  await type('.events-form__description', '沿南湖步道捡拾垃圾，发放环保宣传单。');
  fireEvent.click(document.querySelector('.events-form__categories [data-value="environment"]')!);
  await type('.events-form__location-name', '南湖公园东门');
  await type('.events-form__location-address', '城关街道南湖路 1 号');
  await type('.events-form__capacity', '1');
}

describe('activity form (发布活动)', () => {
  it('says what is missing, field by field, and sends nothing', async () => {
    mockActions({ 'account.me': () => account(), 'groups.get': leaderGroup });
    renderPage(<EditActivityPage />);
    expect(await screen.findByText('发布到：北苑晨练太极队')).toBeTruthy();

    await submit();

    expect(errorOf('title')).toBe('活动名称需要 2–40 个字');
    expect(errorOf('description')).toBe('活动介绍需要 10–2000 个字');
    expect(errorOf('category')).toBe('请选择活动类别');
    expect(errorOf('locationName')).toBe('请填写地点名称（50 字以内）');
    expect(errorOf('locationAddress')).toBe('请填写详细地址（120 字以内）');
    expect(errorOf('capacity')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请按提示修改标红的内容' }));
    expect(call).not.toHaveBeenCalledWith('activities.create', expect.anything());

    // fixing a field clears its message
    await type('.events-form__title', '周末护河行动');
    await waitFor(() => expect(errorOf('title')).toBeNull());
  });

  it('checks the times: the end after the start, and the start in the future', async () => {
    mockActions({ 'account.me': () => account(), 'groups.get': leaderGroup });
    renderPage(<EditActivityPage />);
    await screen.findByText('发布到：北苑晨练太极队');
    await fillValid();

    await type('.events-form__end .linli-datetime__clock', '08:30');
    await submit();
    expect(errorOf('end')).toBe('结束时间必须晚于开始时间');

    await type('.events-form__end .linli-datetime__clock', '11:00');
    await type('.events-form__start .linli-datetime__day', chinaDay(Date.now() - 2 * DAY));
    await submit();
    expect(errorOf('start')).toBe('开始时间必须在将来');
    expect(call).not.toHaveBeenCalledWith('activities.create', expect.anything());
  });

  it('posts a valid activity with China-time offsets and opens its page', async () => {
    const created = activityDetail({ id: 'a-new' });
    mockActions({ 'account.me': () => account(), 'groups.get': leaderGroup, 'activities.create': () => ({ ids: ['a-new'], first: created }) });
    renderPage(<EditActivityPage />);
    await screen.findByText('发布到：北苑晨练太极队');
    await fillValid();
    fireEvent.click(document.querySelector('.events-form__cutoff [data-value="2"]')!);

    await submit();

    const tomorrow = chinaDay(Date.now() + DAY);
    expect(call).toHaveBeenCalledWith('activities.create', {
      groupId: 'g-taiji',
      title: '周末护河行动',
      description: '沿南湖步道捡拾垃圾，发放环保宣传单。',
      category: 'environment',
      startAt: `${tomorrow}T09:00:00+08:00`,
      endAt: `${tomorrow}T11:00:00+08:00`,
      location: { name: '南湖公园东门', address: '城关街道南湖路 1 号', latitude: null, longitude: null },
      capacity: 1,
      cancelCutoffHours: 2,
      skills: [],
      minAge: null,
      volunteer: null,
      approvalRequired: false,
      offerWindowHours: 12,
      repeatWeeks: 1,
    });
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/activity/index?id=a-new' }));
  });

  it('shows the server’s field issues beside the fields', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.get': leaderGroup,
      'activities.create': () => {
        throw new ClientError('INVALID_INPUT', '填写的内容有误', [{ path: 'startAt', message: '开始时间必须在将来' }]);
      },
    });
    renderPage(<EditActivityPage />);
    await screen.findByText('发布到：北苑晨练太极队');
    await fillValid();
    await submit();
    await waitFor(() => expect(errorOf('start')).toBe('开始时间必须在将来'));
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('is offered only to the group’s leaders (abilities from the server)', async () => {
    mockActions({ 'account.me': () => account(), 'groups.get': () => groupDetail() });
    renderPage(<EditActivityPage />);
    expect(await screen.findByText('你不能为这个组织发布活动')).toBeTruthy();
    expect(document.querySelector('.events-form')).toBeNull();
  });

  it('edits an activity: the form starts from it and saves with activities.update', async () => {
    delete routerParams.groupId;
    routerParams.id = 'a-edit';
    const activity = activityDetail({ id: 'a-edit', startAt: '2099-11-26T01:00:00.000Z', endAt: '2099-11-26T03:00:00.000Z', cancelCutoffAt: '2099-11-25T01:00:00.000Z', signupCloseAt: '2099-11-26T01:00:00.000Z', abilities: ['activities.view', 'activities.edit'] });
    mockActions({ 'account.me': () => account(), 'activities.get': () => activity, 'activities.update': () => activity });
    renderPage(<EditActivityPage />);
    expect(await screen.findByText('正在编辑：周末护河行动')).toBeTruthy();
    expect((await field('.events-form__title')).value).toBe('周末护河行动');
    expect(document.querySelector('.events-form__repeat')).toBeNull();
    const volunteer = document.querySelector<HTMLElement>('.events-form__volunteer')!;
    expect(within(volunteer).getByText('志愿服务活动')).toBeTruthy();

    await type('.events-form__capacity', '12');
    await submit();

    expect(call).toHaveBeenCalledWith('activities.update', expect.objectContaining({
      activityId: 'a-edit',
      capacity: 12,
      startAt: '2099-11-26T09:00:00+08:00',
      endAt: '2099-11-26T11:00:00+08:00',
      cancelCutoffHours: 24,
      volunteer: { plannedHours: 2, creditsPerHour: 10 },
    }));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });
});

describe('checkForm', () => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);
  const now = Date.parse('2030-06-01T00:00:00Z');
  const valid = { ...defaultValues(now), title: '周末护河行动', description: '沿南湖步道捡拾垃圾。十个字以上', category: 'environment' as const, locationName: '东门', locationAddress: '南湖路 1 号' };

  it('turns the form into the action’s fields', () => {
    const { fields, errors, repeatWeeks } = checkForm({ ...valid, volunteer: true, plannedHours: '1.5', creditsPerHour: '5', skills: '急救，摄影, 急救', minAge: '18', repeatWeeks: '4' }, t, now, false);
    expect(errors).toEqual({});
    expect(repeatWeeks).toBe(4);
    expect(fields).toMatchObject({ startAt: '2030-06-02T09:00:00+08:00', volunteer: { plannedHours: 1.5, creditsPerHour: 5 }, skills: ['急救', '摄影'], minAge: 18 });
    expect(fields).not.toHaveProperty('signupOpenAt');
  });

  it('checks the sign-up window, volunteer numbers, weeks and long activities', () => {
    const checked = checkForm(
      { ...valid, customWindow: true, openDay: '2030-06-02', openClock: '10:00', closeDay: '2030-06-02', closeClock: '10:00', volunteer: true, plannedHours: '30', creditsPerHour: '1.5', repeatWeeks: '13', endDay: '2030-06-03', endClock: '10:00' },
      t,
      now,
      false,
    );
    expect(checked.fields).toBeNull();
    expect(checked.errors).toEqual({
      end: '单次活动不能超过 24 小时',
      window: '报名截止不能晚于活动开始',
      plannedHours: '计划时长为 0.5–24 小时',
      creditsPerHour: '每小时积分为 0–100 的整数',
      repeatWeeks: '重复周数为 1–12',
    });
  });
});
