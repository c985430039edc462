/** Refusals of the posts function (group announcements). */
import { postsZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const postErrors = /* @__PURE__ */ defineErrors('posts', postsZhCN, {
  notFound: { code: 'NOT_FOUND' },
});
