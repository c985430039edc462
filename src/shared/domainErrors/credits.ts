/** Refusals of the credits function: the time bank and the ledger. */
import { creditsZhCN } from '../../locales/errors.volunteer.zh-CN';
import { defineErrors } from './defineErrors';

export const creditErrors = /* @__PURE__ */ defineErrors('credits', creditsZhCN, {
  timeBankClosed: { code: 'FORBIDDEN' },
  cannotTransferToSelf: { code: 'INVALID_INPUT', field: { path: 'toVolunteerNo' } },
  insufficient: { code: 'INSUFFICIENT_CREDITS' },
});
