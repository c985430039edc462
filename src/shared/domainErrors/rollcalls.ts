/** Refusals of volunteer call-outs (volunteers function: rollcalls). */
import { defineErrors } from './defineErrors';

export const rollCallErrors = /* @__PURE__ */ defineErrors('rollcalls', {
  notFound: { code: 'NOT_FOUND', zh: '召集不存在或已结束', en: 'This call-out does not exist or is over.' },
  closed: { code: 'ROLLCALL_CLOSED', zh: '本次召集已结束', en: 'This call-out is over.' },
  meetInPast: { code: 'INVALID_INPUT', zh: '集合时间不能早于现在', en: 'The meeting time cannot be in the past.', field: { path: 'meetAt' } },
  meetTooFarAhead: { code: 'INVALID_INPUT', zh: '集合时间不能晚于 30 天后', en: 'The meeting time must be within the next 30 days.', field: { path: 'meetAt' } },
});
