import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ProfilePage from '../../src/package-volunteer/profile/index';
import { call, ClientError, messageFor } from '../../src/services/cloud';
import { account } from './support/fixtures';
import { contractViolations, mockCheckedActions } from './support/contractCheck';
import { confirmDialog, findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';
import { profile } from './support/volunteerFixtures';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);
afterEach(() => expect(contractViolations()).toEqual([]));

const calledActions = () => jest.mocked(call).mock.calls.map(([action]) => action);
const toastTitles = () => jest.mocked(Taro.showToast).mock.calls.map(([options]) => (options as { title: string }).title);

/** The value shown beside a fact's title in the profile list. */
function fact(title: string): string {
  const cell = Array.from(document.querySelectorAll<HTMLElement>('.profile__facts .nut-cell')).find((element) => element.querySelector('.nut-cell-title')?.textContent === title);
  if (!cell) throw new Error(`no fact ${title}`);
  return cell.querySelector('.nut-cell-extra')?.textContent ?? '';
}

/** Emergency contact: name and phone are two inputs in one field. */
async function typeEmergency(name: string, phone: string): Promise<void> {
  await findElement('[data-field="emergency"] input');
  const [nameInput, phoneInput] = Array.from(document.querySelectorAll<HTMLInputElement>('[data-field="emergency"] input'));
  fireEvent.input(nameInput!, { target: { value: name } });
  fireEvent.input(phoneInput!, { target: { value: phone } });
}

async function save(): Promise<void> {
  const button = await findElement('.profile__save');
  await act(async () => {
    fireEvent.click(button);
  });
}

describe('my volunteer profile', () => {
  it('shows a skeleton while loading, then every fact of my record unmasked', async () => {
    let answer: (value: { profile: ReturnType<typeof profile> }) => void = () => undefined;
    mockCheckedActions({
      'account.me': () => account(),
      'volunteers.me': () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    renderPage(<ProfilePage />);
    await findElement('.linli-state--loading');
    expect(document.querySelector('.profile__facts')).toBeNull();

    await act(async () => {
      answer({
        profile: profile({
          totalMinutes: 7530,
          skills: ['助老服务', '手语'],
          isMinor: true,
          guardian: { name: '王建国', relation: '父亲', phone: '13900001111' },
        }),
      });
    });
    await findElement('.profile__facts');
    expect(document.querySelector('.linli-state--loading')).toBeNull();
    expect(fact('志愿者编号')).toBe('V2026000001');
    expect(fact('姓名')).toBe('王秀英');
    expect(fact('证件类型')).toBe('居民身份证');
    expect(fact('证件号码')).toBe('110105194912310021');
    expect(fact('手机号')).toBe('13812345678');
    expect(fact('技能特长')).toBe('助老服务、手语');
    expect(fact('紧急联系人')).toBe('未填写');
    expect(fact('监护人')).toBe('王建国（父亲）13900001111');
    // 7530 minutes = 125.5 hours
    expect(fact('累计时长')).toBe('125.5 小时');
    expect(fact('登记时间')).toMatch(/^1月5日/);
    expect(screen.getByText('修改联系方式、技能和网格')).toBeTruthy();
    expect(screen.getByText('注销志愿者身份')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('volunteers.me', {});
  });

  it('offers registration to someone who is not a volunteer yet', async () => {
    mockCheckedActions({ 'account.me': () => account(), 'volunteers.me': () => ({ profile: null }) });
    renderPage(<ProfilePage />);
    expect(await screen.findByText('还没有登记为志愿者')).toBeTruthy();
    expect(document.querySelector('.profile__facts')).toBeNull();
    expect(screen.queryByText('注销志愿者身份')).toBeNull();
    fireEvent.click(screen.getByText('去登记'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/package-volunteer/register/index' });
  });

  it('shows the error with a retry when the record cannot be loaded, and the record after retrying', async () => {
    let fail = true;
    mockCheckedActions({
      'account.me': () => account(),
      'volunteers.me': () => {
        if (fail) throw new ClientError('INTERNAL', messageFor('INTERNAL'));
        return { profile: profile() };
      },
    });
    renderPage(<ProfilePage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    expect(screen.getByText('加载失败')).toBeTruthy();
    expect(document.querySelector('.profile__facts')).toBeNull();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    await findElement('.profile__facts');
    expect(fact('志愿者编号')).toBe('V2026000001');
  });

  it('saves a new phone, an added skill and an emergency contact, and shows them', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'volunteers.me': () => ({ profile: profile() }),
      'volunteers.update': (input) =>
        profile({ phone: input.phone ?? null, skills: input.skills ?? [], gridArea: input.gridArea ?? null, emergencyContact: input.emergencyContact ?? null }),
    });
    renderPage(<ProfilePage />);
    await findElement('.profile__facts');
    fireEvent.click(screen.getByText('修改联系方式、技能和网格'));
    // the form starts from the current values
    expect((await findElement<HTMLInputElement>('[data-field="phone"] input')).value).toBe('13812345678');
    expect(document.querySelector('[data-field="skillChoice"] [data-value="助老服务"]')!.getAttribute('aria-checked')).toBe('true');

    await typeInto('[data-field="phone"]', '13900002222');
    await typeInto('.profile__add-skill', '  手语 ');
    fireEvent.click(screen.getByText('添加'));
    expect(await findElement('[data-field="skillChoice"] [data-value="手语"]')).toBeTruthy();
    await typeEmergency('王建国', '13700003333');
    await typeInto('[data-field="gridArea"]', ' 3号网格 ');
    await save();

    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('volunteers.update', {
        phone: '13900002222',
        skills: ['助老服务', '手语'],
        gridArea: '3号网格',
        emergencyContact: { name: '王建国', phone: '13700003333' },
      }),
    );
    await findElement('.profile__facts');
    expect(fact('手机号')).toBe('13900002222');
    expect(fact('技能特长')).toBe('助老服务、手语');
    expect(fact('紧急联系人')).toBe('王建国 13700003333');
    expect(fact('所在网格')).toBe('3号网格');
    expect(toastTitles()).toContain('已保存');
  });

  it('refuses a malformed phone and a half-filled emergency contact before sending', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'volunteers.me': () => ({ profile: profile() }),
      'volunteers.update': () => profile(),
    });
    renderPage(<ProfilePage />);
    await findElement('.profile__facts');
    fireEvent.click(screen.getByText('修改联系方式、技能和网格'));

    await typeInto('[data-field="phone"]', '1381234');
    await save();
    expect(await screen.findByText('请输入 11 位手机号')).toBeTruthy();

    await typeInto('[data-field="phone"]', '13812345678');
    await typeEmergency('王建国', '');
    await save();
    expect(await screen.findByText('请同时填写紧急联系人的姓名和 11 位手机号')).toBeTruthy();
    expect(calledActions()).not.toContain('volunteers.update');
    // still editing
    expect(document.querySelector('.profile__facts')).toBeNull();
  });

  it('keeps the form and shows the server’s message when saving fails', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'volunteers.me': () => ({ profile: profile() }),
      'volunteers.update': () => {
        throw new ClientError('RATE_LIMITED', messageFor('RATE_LIMITED'));
      },
    });
    renderPage(<ProfilePage />);
    await findElement('.profile__facts');
    fireEvent.click(screen.getByText('修改联系方式、技能和网格'));
    await typeInto('[data-field="phone"]', '');
    await save();
    await waitFor(() => expect(call).toHaveBeenCalledWith('volunteers.update', { phone: null, skills: ['助老服务'], gridArea: null, emergencyContact: null }));
    expect(await screen.findByText('操作太频繁，请稍后再试')).toBeTruthy();
    expect(document.querySelector('.profile__save')).toBeTruthy();
    expect(toastTitles()).not.toContain('已保存');
  });

  it('withdraws after a confirmation and then shows the record as withdrawn', async () => {
    let withdrawn = false;
    mockCheckedActions({
      'account.me': () => account(),
      'volunteers.me': () => ({ profile: withdrawn ? profile({ status: 'withdrawn', realName: '已注销志愿者', idNumber: null, phone: null, skills: [] }) : profile() }),
      'volunteers.withdraw': () => {
        withdrawn = true;
        return { withdrawn: true };
      },
    });
    renderPage(<ProfilePage />);
    await findElement('.profile__facts');
    fireEvent.click(screen.getByText('注销志愿者身份'));
    expect(await screen.findByText('确认注销志愿者身份？')).toBeTruthy();
    expect(calledActions()).not.toContain('volunteers.withdraw');

    await confirmDialog('linli-confirm');
    await waitFor(() => expect(call).toHaveBeenCalledWith('volunteers.withdraw', { confirm: true }));
    expect(await screen.findByText('志愿者身份已注销')).toBeTruthy();
    expect(document.querySelector('.profile__facts')).toBeNull();
    expect(toastTitles()).toContain('已注销志愿者身份');
    // the record was loaded again after withdrawing
    expect(calledActions().filter((action) => action === 'volunteers.me')).toHaveLength(2);
  });

  it('keeps the record and says why when withdrawing fails', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'volunteers.me': () => ({ profile: profile() }),
      'volunteers.withdraw': () => {
        throw new ClientError('CONFLICT', messageFor('CONFLICT'));
      },
    });
    renderPage(<ProfilePage />);
    await findElement('.profile__facts');
    fireEvent.click(screen.getByText('注销志愿者身份'));
    await confirmDialog('linli-confirm');
    await waitFor(() => expect(toastTitles()).toContain('操作冲突，请刷新后重试'));
    expect(screen.queryByText('志愿者身份已注销')).toBeNull();
    expect(fact('志愿者编号')).toBe('V2026000001');
  });
});
