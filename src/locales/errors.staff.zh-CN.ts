/**
 * The refusals' texts of the staff console (dashboards, exports, the audit log) and role grants,
 * which load with package-staff (src/package-<name>/locale.ts registers them). They are apart from
 * errors.zh-CN.ts, the main package's, because a module's texts go wherever any page needs one of
 * them: only a file of their own stays out of the main package. Like errors.zh-CN.ts, this file
 * imports nothing and src/shared/domainErrors reads its groups for the server's messages.
 */
export const consoleZhCN = {
  region_out_of_scope: '地区不存在或不在你的管辖范围',
  export_not_found: '导出任务不存在',
};
export const rolesZhCN = {
  region_not_found: '地区不存在',
  cannot_grant: '没有权限授予该角色',
  user_not_found: '用户不存在',
  grant_not_found: '授权不存在',
};

/** The part's groups by function, as registered: errors.<function>.<case>. */
const refusals = { console: consoleZhCN, roles: rolesZhCN };

export default refusals;
