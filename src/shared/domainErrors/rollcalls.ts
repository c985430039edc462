/** Refusals of volunteer call-outs (volunteers function: rollcalls). */
import { rollcallsZhCN } from '../../locales/errors.volunteer.zh-CN';
import { defineErrors } from './defineErrors';

export const rollCallErrors = /* @__PURE__ */ defineErrors('rollcalls', rollcallsZhCN, {
  notFound: { code: 'NOT_FOUND' },
  closed: { code: 'ROLLCALL_CLOSED' },
  meetInPast: { code: 'INVALID_INPUT', field: { path: 'meetAt' } },
  meetTooFarAhead: { code: 'INVALID_INPUT', field: { path: 'meetAt' } },
});
