/** Refusals of the credits function: the time bank and the ledger. */
import { defineErrors } from './defineErrors';

export const creditErrors = /* @__PURE__ */ defineErrors('credits', {
  timeBankClosed: { code: 'FORBIDDEN', zh: '所在社区未开通时间银行，不能转赠积分', en: 'Your community has no time bank, so credits cannot be given.' },
  cannotTransferToSelf: { code: 'INVALID_INPUT', zh: '不能转给自己', en: 'You cannot give credits to yourself.', field: { path: 'toVolunteerNo' } },
  insufficient: { code: 'INSUFFICIENT_CREDITS', zh: '积分不足', en: 'Not enough credits.' },
});
