/**
 * The refusals' texts of people served, pairings and visits, which load with package-care
 * (src/package-<name>/locale.ts registers them). They are apart from errors.zh-CN.ts, the main
 * package's, because a module's texts go wherever any page needs one of them: only a file of their
 * own stays out of the main package. Like errors.zh-CN.ts, this file imports nothing and
 * src/shared/domainErrors reads its groups for the server's messages.
 */
export const careZhCN = {
  not_found: '服务对象不存在',
  pair_not_found: '结对不存在',
  closed: '该服务对象的关爱服务已结束',
  user_not_found: '关联的居民账号不存在',
  volunteer_not_found: '没有找到这位志愿者，或其已注销',
  group_not_eligible: '只能与本社区或本街道正常运行的小组结对',
  already_paired: '已经与其结对',
  pair_ended: '这个结对已经解除',
  visit_date_after_today: '探访日期不能晚于今天',
  visit_date_too_old: '只能记录 {days} 天内的探访',
  visit_before_registered: '探访日期不能早于登记日期',
};

/** The part's groups by function, as registered: errors.<function>.<case>. */
const refusals = { care: careZhCN };

export default refusals;
