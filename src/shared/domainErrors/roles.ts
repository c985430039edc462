/** Refusals of the roles function (staff grants). */
import { rolesZhCN } from '../../locales/errors.staff.zh-CN';
import { defineErrors } from './defineErrors';

export const roleErrors = /* @__PURE__ */ defineErrors('roles', rolesZhCN, {
  regionNotFound: { code: 'NOT_FOUND' },
  cannotGrant: { code: 'FORBIDDEN' },
  userNotFound: { code: 'NOT_FOUND' },
  grantNotFound: { code: 'NOT_FOUND' },
});
