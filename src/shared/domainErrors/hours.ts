/** Refusals of volunteer hours (volunteers function: records, self-reports, reviews, corrections). */
import { defineErrors } from './defineErrors';

export const hourErrors = /* @__PURE__ */ defineErrors('hours', {
  recordNotFound: { code: 'NOT_FOUND', zh: '记录不存在', en: 'This record does not exist.' },
  notVolunteerActivity: { code: 'CONFLICT', zh: '这不是志愿服务活动，不记录服务时长', en: 'This is not a volunteer activity, so no service hours are recorded.' },
  ownOrganizationsOnly: { code: 'FORBIDDEN', zh: '只能申报你所在组织的服务', en: 'You can only report service for organizations you belong to.' },
  serviceDateAfterToday: { code: 'INVALID_INPUT', zh: '服务日期不能晚于今天', en: 'The service date cannot be later than today.', field: { path: 'serviceDate' } },
  serviceDateTooOld: { code: 'INVALID_INPUT', zh: '只能申报 {days} 天内的服务', en: 'Only service within the last {days} days can be reported.', field: { path: 'serviceDate' } },
  cannotReviewOwn: { code: 'FORBIDDEN', zh: '不能审核自己的服务时长', en: 'You cannot review your own service hours.' },
  reportHandled: { code: 'CONFLICT', zh: '这条申报已处理', en: 'This report has already been handled.' },
  onlyConfirmedCorrectable: { code: 'CONFLICT', zh: '只能更正已确认的记录', en: 'Only confirmed records can be corrected.' },
  correctNewerRecord: { code: 'CONFLICT', zh: '这条记录已经更正过，请更正新的记录', en: 'This record was corrected already. Please correct the new record.' },
  sameMinutes: { code: 'INVALID_INPUT', zh: '更正后的时长与原记录相同', en: 'The corrected time is the same as the original.', field: { path: 'minutes' } },
  correctionPending: { code: 'CONFLICT', zh: '这条记录已有待审核的更正', en: 'This record already has a correction waiting for review.' },
  correctionHandled: { code: 'CONFLICT', zh: '这条更正已处理', en: 'This correction has already been handled.' },
  alreadyCorrected: { code: 'CONFLICT', zh: '这条记录已经更正过', en: 'This record has already been corrected.' },
});
