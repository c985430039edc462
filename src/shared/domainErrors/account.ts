/** Refusals of the account function. */
import { accountZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const accountErrors = /* @__PURE__ */ defineErrors('account', accountZhCN, {
  homeCommunityRequired: { code: 'INVALID_INPUT', field: { path: 'homeCommunityId' } },
});
