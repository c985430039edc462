/** Refusals of the volunteers function's registry (registration, profile, volunteer numbers). */
import { defineErrors } from './defineErrors';

export const volunteerErrors = /* @__PURE__ */ defineErrors('volunteers', {
  registrationRequired: { code: 'NOT_A_VOLUNTEER', zh: '请先完成志愿者登记', en: 'Please register as a volunteer first.' },
  notRegistered: { code: 'NOT_A_VOLUNTEER', zh: '你还没有登记为志愿者', en: 'You have not registered as a volunteer.' },
  unknownVolunteerNo: { code: 'NOT_FOUND', zh: '没有这个志愿者编号', en: 'There is no volunteer with this number.' },
  communityRequired: {
    code: 'INVALID_INPUT',
    zh: '请先在“我的”中选择所在社区',
    en: 'Please choose your community under "Me" first.',
    field: { path: 'community', prefix: '', zh: '请先选择所在社区', en: 'Please choose your community first.' },
  },
  birthDateAfterToday: { code: 'INVALID_INPUT', zh: '出生日期不能晚于今天', en: 'The date of birth cannot be later than today.', field: { path: 'birthDate' } },
  guardianRequired: { code: 'INVALID_INPUT', zh: '未满 18 周岁需要监护人同意', en: 'Under 18: a guardian’s consent is needed.', field: { path: 'guardian' } },
  idAlreadyRegistered: { code: 'CONFLICT', zh: '该证件号已登记为志愿者', en: 'This ID number is already registered as a volunteer.' },
  alreadyRegistered: { code: 'CONFLICT', zh: '你已登记为志愿者', en: 'You are already registered as a volunteer.' },
});
