/** Refusals of sign-up proxies (signups function: one resident signing up for another). */
import { proxiesZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const proxyErrors = /* @__PURE__ */ defineErrors('proxies', proxiesZhCN, {
  codeInvalid: { code: 'NOT_FOUND' },
  cannotAuthorizeSelf: { code: 'CONFLICT' },
  grantNotFound: { code: 'NOT_FOUND' },
  residentNotFound: { code: 'NOT_FOUND' },
  communityOutOfScope: { code: 'NOT_FOUND', field: { path: 'homeCommunityId' } },
  proxyUserNotFound: { code: 'NOT_FOUND', field: { path: 'proxyUserId' } },
  proxyNeedsOwnAccount: { code: 'CONFLICT' },
  claimCodeInvalid: { code: 'NOT_FOUND' },
  alreadyClaimed: { code: 'CONFLICT' },
  staffCannotClaim: { code: 'CONFLICT' },
  alreadyProxy: { code: 'CONFLICT', field: { path: 'proxyUserId' } },
  hasOwnAccount: { code: 'CONFLICT' },
});
