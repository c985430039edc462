/** Refusals of the proofs function (service proofs: requests, issuing, downloads). */
import { proofsZhCN } from '../../locales/errors.volunteer.zh-CN';
import { defineErrors } from './defineErrors';

export const proofErrors = /* @__PURE__ */ defineErrors('proofs', proofsZhCN, {
  notFound: { code: 'NOT_FOUND' },
  endAfterToday: { code: 'INVALID_INPUT', field: { path: 'to' } },
  noConfirmedService: { code: 'INVALID_INPUT', field: { path: 'from' } },
  alreadyHandled: { code: 'CONFLICT' },
  volunteerClosed: { code: 'CONFLICT' },
  notIssued: { code: 'CONFLICT' },
  downloadUnavailable: { code: 'NOT_FOUND' },
  renderFailed: { code: 'INTERNAL' },
});
