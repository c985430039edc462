/** Refusals of the content check (ports/contentCheck: WeChat msgSecCheck) on any text a user posts. */
import { defineErrors } from './defineErrors';

export const contentErrors = /* @__PURE__ */ defineErrors('content', {
  rejected: { code: 'CONTENT_REJECTED', zh: '内容含有违规信息，无法发布', en: 'This text contains content that cannot be published.', field: { path: '{field}' } },
  needsRewording: {
    code: 'CONTENT_REVIEW',
    zh: '内容可能不够友善或像广告，请修改后再提交',
    en: 'This text may be unfriendly or look like an advert. Please change it and submit again.',
    field: { path: '{field}' },
  },
});
