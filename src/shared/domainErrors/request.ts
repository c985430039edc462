/** Refusals of the request pipeline every function shares (createHandler, idempotency, rate limit, transactions, authorize). */
import { requestZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const requestErrors = /* @__PURE__ */ defineErrors('request', requestZhCN, {
  malformed: { code: 'INVALID_INPUT' },
  unknownAction: { code: 'NOT_FOUND', params: ['action'] },
  signInRequired: { code: 'UNAUTHENTICATED' },
  requestIdRequired: { code: 'INVALID_INPUT', field: { path: 'requestId' } },
  accountSuspended: { code: 'FORBIDDEN' },
  requestIdReused: { code: 'IDEMPOTENCY_MISMATCH' },
  stillProcessing: { code: 'CONFLICT' },
  tooFrequent: { code: 'RATE_LIMITED' },
  tooBusy: { code: 'CONFLICT' },
  forbidden: { code: 'FORBIDDEN' },
});
