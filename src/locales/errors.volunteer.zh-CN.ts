/**
 * The refusals' texts of volunteer service (hours, the points store, credits, proofs, roll-calls),
 * which load with package-volunteer (roll-calls with package-staff too)
 * (src/package-<name>/locale.ts registers them). They are apart from errors.zh-CN.ts, the main
 * package's, because a module's texts go wherever any page needs one of them: only a file of their
 * own stays out of the main package. Like errors.zh-CN.ts, this file imports nothing and
 * src/shared/domainErrors reads its groups for the server's messages.
 */
export const hoursZhCN = {
  record_not_found: '记录不存在',
  not_volunteer_activity: '这不是志愿服务活动，不记录服务时长',
  own_organizations_only: '只能申报你所在组织的服务',
  service_date_after_today: '服务日期不能晚于今天',
  service_date_too_old: '只能申报 {days} 天内的服务',
  cannot_review_own: '不能审核自己的服务时长',
  report_handled: '这条申报已处理',
  only_confirmed_correctable: '只能更正已确认的记录',
  correct_newer_record: '这条记录已经更正过，请更正新的记录',
  same_minutes: '更正后的时长与原记录相同',
  correction_pending: '这条记录已有待审核的更正',
  correction_handled: '这条更正已处理',
  already_corrected: '这条记录已经更正过',
};
export const storeZhCN = {
  item_not_found: '物品不存在或已下架',
  pickup_code_busy: '请稍后再试',
  residents_only: '只有本社区的居民可以兑换这件物品',
  out_of_stock: '这件物品已兑完',
  per_person_limit: '每人最多兑换 {limit} 件',
  pickup_code_wrong: '取货码不正确',
  pickup_code_used: '这个取货码已领取',
  redemption_cancelled: '这次兑换已取消',
  redemption_not_found: '兑换记录不存在',
  only_uncollected_cancellable: '只有待领取的兑换可以取消',
};
export const creditsZhCN = {
  time_bank_closed: '所在社区未开通时间银行，不能转赠积分',
  cannot_transfer_to_self: '不能转给自己',
  insufficient: '积分不足',
};
export const proofsZhCN = {
  not_found: '证明申请不存在',
  end_after_today: '结束日期不能晚于今天',
  no_confirmed_service: '这段时间在该单位没有已确认的服务记录',
  already_handled: '这份证明已处理',
  volunteer_closed: '志愿者已注销，无法出具证明',
  not_issued: '证明尚未出具',
  download_unavailable: '文件暂时无法下载，请稍后再试',
  render_failed: '文件生成失败',
};
export const rollcallsZhCN = {
  not_found: '召集不存在或已结束',
  closed: '本次召集已结束',
  meet_in_past: '集合时间不能早于现在',
  meet_too_far_ahead: '集合时间不能晚于 30 天后',
};

/** The part's groups by function, as registered: errors.<function>.<case>. */
const refusals = { hours: hoursZhCN, store: storeZhCN, credits: creditsZhCN, proofs: proofsZhCN, rollcalls: rollcallsZhCN };

export default refusals;
