/** Refusals of sign-up proxies (signups function: one resident signing up for another). */
import { defineErrors } from './defineErrors';

export const proxyErrors = /* @__PURE__ */ defineErrors('proxies', {
  codeInvalid: { code: 'NOT_FOUND', zh: '授权码不正确或已过期', en: 'The authorization code is wrong or has expired.' },
  cannotAuthorizeSelf: { code: 'CONFLICT', zh: '不能授权给自己', en: 'You cannot authorize yourself.' },
  grantNotFound: { code: 'NOT_FOUND', zh: '没有这项代报名授权', en: 'There is no such sign-up authorization.' },
});
