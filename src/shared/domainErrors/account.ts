/** Refusals of the account function. */
import { defineErrors } from './defineErrors';

export const accountErrors = /* @__PURE__ */ defineErrors('account', {
  homeCommunityRequired: { code: 'INVALID_INPUT', zh: '请选择一个社区或村', en: 'Please choose a community or village.', field: { path: 'homeCommunityId' } },
});
