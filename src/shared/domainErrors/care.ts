/** Refusals of the register of people served (care function: register, pairing, visits). */
import { careZhCN } from '../../locales/errors.care.zh-CN';
import { defineErrors } from './defineErrors';

export const careErrors = /* @__PURE__ */ defineErrors('care', careZhCN, {
  notFound: { code: 'NOT_FOUND' },
  pairNotFound: { code: 'NOT_FOUND' },
  closed: { code: 'CONFLICT' },
  userNotFound: { code: 'INVALID_INPUT', field: { path: 'userId' } },
  volunteerNotFound: { code: 'INVALID_INPUT', field: { path: 'volunteerNo' } },
  groupNotEligible: { code: 'INVALID_INPUT', field: { path: 'groupId' } },
  alreadyPaired: { code: 'CONFLICT' },
  pairEnded: { code: 'CONFLICT' },
  visitDateAfterToday: { code: 'INVALID_INPUT', field: { path: 'visitDate' } },
  visitDateTooOld: { code: 'INVALID_INPUT', params: ['days'], field: { path: 'visitDate' } },
  visitBeforeRegistered: { code: 'INVALID_INPUT', field: { path: 'visitDate' } },
});
