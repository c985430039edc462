/** Refusals of the volunteers function's registry (registration, profile, volunteer numbers). */
import { volunteersZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const volunteerErrors = /* @__PURE__ */ defineErrors('volunteers', volunteersZhCN, {
  registrationRequired: { code: 'NOT_A_VOLUNTEER' },
  notRegistered: { code: 'NOT_A_VOLUNTEER' },
  unknownVolunteerNo: { code: 'NOT_FOUND' },
  communityRequired: { code: 'INVALID_INPUT', field: { path: 'community', prefix: '' } },
  birthDateAfterToday: { code: 'INVALID_INPUT', field: { path: 'birthDate' } },
  guardianRequired: { code: 'INVALID_INPUT', field: { path: 'guardian' } },
  idAlreadyRegistered: { code: 'CONFLICT' },
  alreadyRegistered: { code: 'CONFLICT' },
});
