/** Refusals of the request pipeline every function shares (createHandler, idempotency, rate limit, transactions, authorize). */
import { defineErrors } from './defineErrors';

export const requestErrors = /* @__PURE__ */ defineErrors('request', {
  malformed: { code: 'INVALID_INPUT', zh: '请求格式不正确', en: 'The request was not understood.' },
  unknownAction: { code: 'NOT_FOUND', zh: '未知的操作：{action}', en: 'Unknown action: {action}' },
  signInRequired: { code: 'UNAUTHENTICATED', zh: '请先登录', en: 'Please sign in first.' },
  requestIdRequired: { code: 'INVALID_INPUT', zh: '修改类操作需要有效的请求编号', en: 'This change needs a valid request number.', field: { path: 'requestId' } },
  accountSuspended: { code: 'FORBIDDEN', zh: '你的账号已被暂停使用，可在“我的”中查看原因并申诉', en: 'Your account is suspended. See the reason and appeal under "Me".' },
  requestIdReused: { code: 'IDEMPOTENCY_MISMATCH', zh: '同一个请求编号被用于不同的操作', en: 'The same request number was used for a different action.' },
  stillProcessing: { code: 'CONFLICT', zh: '请求正在处理中，请稍后再试', en: 'This request is still being processed. Please try again shortly.' },
  tooFrequent: { code: 'RATE_LIMITED', zh: '操作太频繁，请稍后再试', en: 'Too many attempts. Please wait a moment and try again.' },
  tooBusy: { code: 'CONFLICT', zh: '同时操作的人太多了，请稍后再试', en: 'Too many people are doing this at once. Please try again shortly.' },
  forbidden: { code: 'FORBIDDEN', zh: '没有权限进行此操作', en: 'You are not allowed to do this.' },
});
