/** Refusals of the moderation function (reports, reviews, appeals). */
import { moderationZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const moderationErrors = /* @__PURE__ */ defineErrors('moderation', moderationZhCN, {
  contentNotFound: { code: 'NOT_FOUND' },
  cannotReportOwn: { code: 'CONFLICT' },
  alreadyReported: { code: 'CONFLICT' },
  caseNotFound: { code: 'NOT_FOUND' },
  nothingToRestore: { code: 'CONFLICT' },
  noPendingReports: { code: 'CONFLICT' },
  appealOnce: { code: 'CONFLICT' },
});
