/** Refusals of sign-up proxies (signups function: one resident signing up for another). */
import { proxiesZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const proxyErrors = /* @__PURE__ */ defineErrors('proxies', proxiesZhCN, {
  codeInvalid: { code: 'NOT_FOUND' },
  cannotAuthorizeSelf: { code: 'CONFLICT' },
  grantNotFound: { code: 'NOT_FOUND' },
});
