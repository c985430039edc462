import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import RegisterPage from '../../src/package-volunteer/register/index';
import { call, ClientError } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { account } from './support/fixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import { profile } from './support/volunteerFixtures';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

/** A mainland ID number with a correct check character for the given 17 digits. */
function validId(first17: string): string {
  return `${first17}${mainlandCheckChar(first17)}`;
}

/** The same number with a wrong check character. */
function wrongCheckId(first17: string): string {
  return `${first17}${mainlandCheckChar(first17) === '1' ? '2' : '1'}`;
}

const ADULT = validId('11010519491231002');
// Born 2015-03-15: a minor on any day these tests run before 2033.
const MINOR = validId('11010520150315003');

function tick(name: string): void {
  const box = document.querySelector(`[data-field="${name}"][role="checkbox"]`);
  if (!box) throw new Error(`no checkbox ${name}`);
  fireEvent.click(box);
}

async function submit(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByText('提交登记'));
  });
}

const registerCalls = () => jest.mocked(call).mock.calls.filter(([action]) => action === 'volunteers.register');

async function openForm(register: (input: unknown) => ReturnType<typeof profile> = () => profile()) {
  mockActions({ 'account.me': () => account(), 'volunteers.me': () => ({ profile: null }), 'volunteers.register': register });
  renderPage(<RegisterPage />);
  await screen.findByText('提交登记');
}

describe('volunteer registration', () => {
  it('checks the ID number as it is typed: a wrong check digit is named, a right one confirmed', async () => {
    await openForm();
    await typeInto('[data-field="idNumber"]', wrongCheckId('11010519491231002'));
    expect(await screen.findByText('身份证号校验位不正确，请核对')).toBeTruthy();
    expect(screen.queryByText('证件号码校验通过')).toBeNull();

    await typeInto('[data-field="idNumber"]', '110105194913310021');
    expect(await screen.findByText('身份证号中的出生日期不正确')).toBeTruthy();

    await typeInto('[data-field="idNumber"]', ADULT);
    expect(await screen.findByText('证件号码校验通过')).toBeTruthy();
    expect(screen.queryByText('身份证号校验位不正确，请核对')).toBeNull();
    // an adult: no guardian section
    expect(document.querySelector('.register__guardian')).toBeNull();
  });

  it('asks for the sensitive-data consent before sending anything, then shows the volunteer number', async () => {
    await openForm();
    await typeInto('[data-field="realName"]', '王秀英');
    await typeInto('[data-field="idNumber"]', ADULT.toLowerCase());
    await submit();
    expect(await screen.findByText('请阅读并同意个人敏感信息处理规则')).toBeTruthy();
    expect(registerCalls()).toHaveLength(0);

    tick('sensitiveConsent');
    fireEvent.click(document.querySelector('[data-field="skillChoice"] [data-value="助老服务"]')!);
    await submit();
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('volunteers.register', { realName: '王秀英', idType: 'mainland_id', idNumber: ADULT, skills: ['助老服务'], sensitiveConsent: true }),
    );
    expect(await screen.findByText('登记成功')).toBeTruthy();
    expect(screen.getByText('V2026000001')).toBeTruthy();
  });

  it('requires a guardian and their consent when the ID says the volunteer is a minor', async () => {
    await openForm(() => profile({ isMinor: true }));
    await typeInto('[data-field="realName"]', '王小明');
    await typeInto('[data-field="idNumber"]', MINOR);
    await findElement('.register__guardian');
    tick('sensitiveConsent');
    await submit();
    expect(await screen.findByText('请完整填写监护人姓名、关系和 11 位手机号')).toBeTruthy();
    expect(screen.getByText('需要监护人同意')).toBeTruthy();
    expect(registerCalls()).toHaveLength(0);

    await typeInto('[data-field="guardian"]', '王建国');
    await typeInto('[data-field="guardianRelation"]', '父亲');
    await typeInto('[data-field="guardianPhone"]', '13900001111');
    tick('guardianConsent');
    await submit();
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('volunteers.register', {
        realName: '王小明',
        idType: 'mainland_id',
        idNumber: MINOR,
        skills: [],
        guardian: { name: '王建国', relation: '父亲', phone: '13900001111', consent: true },
        sensitiveConsent: true,
      }),
    );
  });

  it('asks for the birth date of documents without one, and a minor by birth date needs a guardian too', async () => {
    await openForm();
    expect(document.querySelector('[data-field="birthDate"]')).toBeNull();
    fireEvent.click(document.querySelector('[data-field="idTypeChoice"] [data-value="passport"]')!);
    await findElement('[data-field="birthDate"]');
    await typeInto('[data-field="realName"]', 'Anna Li');
    await typeInto('[data-field="idNumber"]', 'E1234567');
    tick('sensitiveConsent');
    await submit();
    expect(await screen.findByText('请填写出生日期')).toBeTruthy();
    expect(registerCalls()).toHaveLength(0);

    await typeInto('[data-field="birthDate"]', '2014-06-01');
    await findElement('.register__guardian');
  });

  it('puts the server’s field problems next to the fields', async () => {
    await openForm(() => {
      throw new ClientError('INVALID_INPUT', '填写的内容有误', [{ path: 'realName', message: '请填写真实姓名' }]);
    });
    await typeInto('[data-field="realName"]', '王秀英');
    await typeInto('[data-field="idNumber"]', ADULT);
    tick('sensitiveConsent');
    await submit();
    expect(await screen.findByText('请填写真实姓名')).toBeTruthy();
  });

  it('sends a registered volunteer to the profile instead of the form', async () => {
    mockActions({ 'account.me': () => account(), 'volunteers.me': () => ({ profile: profile() }) });
    renderPage(<RegisterPage />);
    expect(await screen.findByText('你已经是登记志愿者')).toBeTruthy();
    expect(screen.queryByText('提交登记')).toBeNull();
  });
});
