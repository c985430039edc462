/**
 * The refusals' texts of the needs board and offers, which load with package-needs
 * (src/package-<name>/locale.ts registers them). They are apart from errors.zh-CN.ts, the main
 * package's, because a module's texts go wherever any page needs one of them: only a file of their
 * own stays out of the main package. Like errors.zh-CN.ts, this file imports nothing and
 * src/shared/domainErrors reads its groups for the server's messages.
 */
export const needsZhCN = {
  not_found: '需求不存在',
  no_home_community: '请先在「我的」中选择所在社区',
  resident_not_found: '找不到要代为发布的居民',
  not_acting_for: '你没有代这位居民发布需求的授权',
  when_in_past: '时间不能早于今天',
  when_too_far: '只能发布 {days} 天内的需求',
  not_claimable: '这条需求已被认领或已结束',
  group_cannot_claim: '只有本社区组织的负责人可以代表组织认领',
  volunteer_only: '个人认领需要先完成志愿者登记',
  own_need: '不能认领自己的需求',
  state_changed: '需求状态已变化，请刷新后再试',
  helper_not_eligible: '服务者须是认领组织的已登记志愿者',
  volunteer_helps_alone: '个人认领时服务者只能是你自己',
  photo_not_uploaded: '请上传服务照片',
  time_bank_off: '本社区未开通时间银行',
  offer_not_found: '服务意向不存在',
  offer_withdrawn: '这项服务意向已撤回，请换一位邻居或直接发布到求助板',
  offer_other_community: '只能请本社区的邻居帮忙',
  own_offer: '不能请自己帮忙',
  not_addressed_to_you: '这条需求已不再指定给你（已被认领、撤回或已转为公开求助）',
};

/** The part's groups by function, as registered: errors.<function>.<case>. */
const refusals = { needs: needsZhCN };

export default refusals;
