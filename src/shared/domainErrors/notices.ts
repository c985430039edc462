/** Refusals of committee notices (notices function). */
import { defineErrors } from './defineErrors';

export const noticeErrors = /* @__PURE__ */ defineErrors('notices', {
  notFound: { code: 'NOT_FOUND', zh: '通知不存在或已撤回', en: 'This notice does not exist or was withdrawn.' },
  notDraft: { code: 'CONFLICT', zh: '通知已发布，不能再修改；如有错误请撤回后重新发布', en: 'This notice is already published and cannot be changed; withdraw it and post it again.' },
  notPublished: { code: 'CONFLICT', zh: '只有已发布的通知可以撤回', en: 'Only a published notice can be withdrawn.' },
  validInPast: { code: 'INVALID_INPUT', zh: '有效期不能早于现在', en: 'The notice must be valid until a time after now.', field: { path: 'validUntil' } },
  validTooLong: { code: 'INVALID_INPUT', zh: '有效期最长 90 天', en: 'A notice can be valid for 90 days at most.', field: { path: 'validUntil' } },
  tooManyLive: { code: 'LIMIT_REACHED', zh: '本社区同时有效的通知已达 {cap} 条，请先撤回过期或不再需要的通知', en: 'This community already has {cap} notices in force; withdraw some that are no longer needed first.' },
  noCommunity: { code: 'INVALID_INPUT', zh: '请先选择你所在的社区', en: 'Please choose your community first.' },
});
