/** Refusals of the console function (staff dashboards, exports, notify failures). */
import { consoleZhCN } from '../../locales/errors.staff.zh-CN';
import { defineErrors } from './defineErrors';

export const consoleErrors = /* @__PURE__ */ defineErrors('console', consoleZhCN, {
  regionOutOfScope: { code: 'NOT_FOUND' },
  exportNotFound: { code: 'NOT_FOUND' },
});
