/** English twin of errors.staff.zh-CN.ts. */
import type * as zh from './errors.staff.zh-CN';

export const consoleEn: typeof zh.consoleZhCN = {
  region_out_of_scope: 'This region does not exist or is outside your area.',
  export_not_found: 'This export does not exist.',
};
export const rolesEn: typeof zh.rolesZhCN = {
  region_not_found: 'This region does not exist.',
  cannot_grant: 'You are not allowed to grant this role.',
  user_not_found: 'This user does not exist.',
  grant_not_found: 'This grant does not exist.',
};

/** The part's groups by function, as registered: errors.<function>.<case>. */
const refusals: typeof zh.default = { console: consoleEn, roles: rolesEn };

export default refusals;
