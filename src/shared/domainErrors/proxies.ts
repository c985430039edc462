/** Refusals of sign-up proxies (signups function: one resident signing up for another). */
import { defineErrors } from './defineErrors';

export const proxyErrors = /* @__PURE__ */ defineErrors('proxies', {
  codeInvalid: { code: 'NOT_FOUND', zh: '授权码不正确或已过期', en: 'The authorization code is wrong or has expired.' },
  cannotAuthorizeSelf: { code: 'CONFLICT', zh: '不能授权给自己', en: 'You cannot authorize yourself.' },
  grantNotFound: { code: 'NOT_FOUND', zh: '没有这项代报名授权', en: 'There is no such sign-up authorization.' },
  residentNotFound: { code: 'NOT_FOUND', zh: '没有找到这位居民', en: 'This resident was not found.' },
  communityOutOfScope: { code: 'NOT_FOUND', zh: '没有找到这个社区，或你不是这个社区的工作人员或网格员', en: 'This community was not found, or you are not its staff or grid worker.', field: { path: 'homeCommunityId' } },
  proxyUserNotFound: { code: 'NOT_FOUND', zh: '没有找到这位代办人，请让其先登录一次小程序', en: 'This proxy was not found. Ask them to open the mini-program once first.', field: { path: 'proxyUserId' } },
  proxyNeedsOwnAccount: { code: 'CONFLICT', zh: '代办人必须有自己的微信账号', en: 'A proxy must have a WeChat account of their own.' },
  claimCodeInvalid: { code: 'NOT_FOUND', zh: '认领码不正确或已过期', en: 'The claim code is wrong or has expired.' },
  alreadyClaimed: { code: 'CONFLICT', zh: '这个微信账号已经认领过一位居民', en: 'This WeChat account has already claimed a resident.' },
  staffCannotClaim: { code: 'CONFLICT', zh: '工作人员账号不能认领居民账号，请用居民本人的微信', en: "A staff account cannot claim a resident's account; use her own WeChat." },
  alreadyProxy: { code: 'CONFLICT', zh: '此人已经是这位居民的代办人', en: 'This person already acts for this resident.', field: { path: 'proxyUserId' } },
  hasOwnAccount: { code: 'CONFLICT', zh: '这位居民已有自己的账号', en: 'This resident already has an account of her own.' },
});
