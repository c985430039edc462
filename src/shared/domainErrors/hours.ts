/** Refusals of volunteer hours (volunteers function: records, self-reports, reviews, corrections). */
import { hoursZhCN } from '../../locales/errors.volunteer.zh-CN';
import { defineErrors } from './defineErrors';

export const hourErrors = /* @__PURE__ */ defineErrors('hours', hoursZhCN, {
  recordNotFound: { code: 'NOT_FOUND' },
  notVolunteerActivity: { code: 'CONFLICT' },
  ownOrganizationsOnly: { code: 'FORBIDDEN' },
  serviceDateAfterToday: { code: 'INVALID_INPUT', field: { path: 'serviceDate' } },
  serviceDateTooOld: { code: 'INVALID_INPUT', params: ['days'], field: { path: 'serviceDate' } },
  cannotReviewOwn: { code: 'FORBIDDEN' },
  reportHandled: { code: 'CONFLICT' },
  onlyConfirmedCorrectable: { code: 'CONFLICT' },
  correctNewerRecord: { code: 'CONFLICT' },
  sameMinutes: { code: 'INVALID_INPUT', field: { path: 'minutes' } },
  correctionPending: { code: 'CONFLICT' },
  correctionHandled: { code: 'CONFLICT' },
  alreadyCorrected: { code: 'CONFLICT' },
});
