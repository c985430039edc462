/** Refusals of the posts function (group announcements). */
import { defineErrors } from './defineErrors';

export const postErrors = /* @__PURE__ */ defineErrors('posts', {
  notFound: { code: 'NOT_FOUND', zh: '公告不存在或已删除', en: 'This announcement does not exist or was removed.' },
});
