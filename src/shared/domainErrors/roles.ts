/** Refusals of the roles function (staff grants). */
import { defineErrors } from './defineErrors';

export const roleErrors = /* @__PURE__ */ defineErrors('roles', {
  regionNotFound: { code: 'NOT_FOUND', zh: '地区不存在', en: 'This region does not exist.' },
  cannotGrant: { code: 'FORBIDDEN', zh: '没有权限授予该角色', en: 'You are not allowed to grant this role.' },
  userNotFound: { code: 'NOT_FOUND', zh: '用户不存在', en: 'This user does not exist.' },
  grantNotFound: { code: 'NOT_FOUND', zh: '授权不存在', en: 'This grant does not exist.' },
});
