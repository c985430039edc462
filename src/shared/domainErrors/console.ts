/** Refusals of the console function (staff dashboards, exports, notify failures). */
import { defineErrors } from './defineErrors';

export const consoleErrors = /* @__PURE__ */ defineErrors('console', {
  regionOutOfScope: { code: 'NOT_FOUND', zh: '地区不存在或不在你的管辖范围', en: 'This region does not exist or is outside your area.' },
  exportNotFound: { code: 'NOT_FOUND', zh: '导出任务不存在', en: 'This export does not exist.' },
});
