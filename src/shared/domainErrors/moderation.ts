/** Refusals of the moderation function (reports, reviews, appeals). */
import { defineErrors } from './defineErrors';

export const moderationErrors = /* @__PURE__ */ defineErrors('moderation', {
  contentNotFound: { code: 'NOT_FOUND', zh: '内容不存在或已删除', en: 'This content does not exist or was removed.' },
  cannotReportOwn: { code: 'CONFLICT', zh: '不能举报自己发布的内容', en: 'You cannot report what you posted yourself.' },
  alreadyReported: { code: 'CONFLICT', zh: '你已经举报过该内容，我们会尽快处理', en: 'You have already reported this. We will look at it soon.' },
  caseNotFound: { code: 'NOT_FOUND', zh: '处理记录不存在', en: 'This moderation record does not exist.' },
  nothingToRestore: { code: 'CONFLICT', zh: '该内容正在正常显示，无需恢复', en: 'This content is already shown, so there is nothing to restore.' },
  noPendingReports: { code: 'CONFLICT', zh: '该内容没有待处理的举报', en: 'There are no open reports about this content.' },
  appealOnce: { code: 'CONFLICT', zh: '每个处理只能申诉一次', en: 'Each decision can be appealed only once.' },
});
