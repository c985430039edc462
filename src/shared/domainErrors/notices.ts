/** Refusals of committee notices (notices function). */
import { noticesZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const noticeErrors = /* @__PURE__ */ defineErrors('notices', noticesZhCN, {
  notFound: { code: 'NOT_FOUND' },
  notDraft: { code: 'CONFLICT' },
  notPublished: { code: 'CONFLICT' },
  validInPast: { code: 'INVALID_INPUT', field: { path: 'validUntil' } },
  validTooLong: { code: 'INVALID_INPUT', field: { path: 'validUntil' } },
  tooManyLive: { code: 'LIMIT_REACHED', params: ['cap'] },
  noCommunity: { code: 'INVALID_INPUT' },
});
