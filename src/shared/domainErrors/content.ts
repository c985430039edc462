/** Refusals of the content check (ports/contentCheck: WeChat msgSecCheck) on any text a user posts. */
import { contentZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const contentErrors = /* @__PURE__ */ defineErrors('content', contentZhCN, {
  rejected: { code: 'CONTENT_REJECTED', params: ['field'], field: { path: '{field}' } },
  needsRewording: { code: 'CONTENT_REVIEW', params: ['field'], field: { path: '{field}' } },
});
