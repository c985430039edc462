/**
 * The refusals' texts in Simplified Chinese (DESIGN §10: user-facing strings live in locale
 * files), keyed by each case's reason: `errors.<function>.<case>`, e.g. `signups.already_signed_up`
 * (the case itself — its category code and params — is in src/shared/domainErrors/<function>.ts).
 * The server answers these texts word for word as the envelope's `message` (zh-CN is the
 * default), and the app shows them, or errors.en.ts, by the reason the envelope names. `{name}`
 * placeholders are the case's declared params. docs/errors.md; test/shared/domainErrors.test.ts
 * fails on a case without both texts or a text without a case.
 *
 * The groups here are the ones the main package's pages can meet; the refusals of functions only
 * subpackages call are in errors.<part>.zh-CN.ts (volunteer, staff, needs, care), which load with
 * those subpackages (src/package-<name>/locale.ts) so the main package leaves them out.
 *
 * These files import nothing: each src/shared/domainErrors/<function>.ts imports its own group's
 * texts for the server's message (the one arrow from src/shared into src/locales, allowed for
 * these files only in eslint.config.mjs). One export a group, so a function's bundle keeps only
 * the texts of the groups it throws (300 KB budget).
 */
export const accountZhCN = {
  home_community_required: '请选择一个社区或村',
};
export const activitiesZhCN = {
  not_found: '活动不存在或已删除',
  start_in_past: '开始时间必须在将来',
  capacity_below_signups: '已有 {total} 人报名，名额不能少于 {total}',
  capacity_just_changed: '报名人数刚刚变化，名额最少为 {least}，请刷新后再试',
  already_cancelled: '活动已取消',
  poster_id_too_long: '编号过长，无法生成小程序码',
};
export const contentZhCN = {
  rejected: '内容含有违规信息，无法发布',
  needs_rewording: '内容可能不够友善或像广告，请修改后再提交',
};
export const groupsZhCN = {
  not_found: '小组不存在或已解散',
  organization_not_found: '组织不存在',
  application_changed: '申请状态已变化，请刷新后再试',
  applicant_missing: '该申请缺少申请人，无法通过',
  already_member: '你已经是小组成员',
  application_pending: '已提交申请，请等待队长审核',
  removed_cannot_rejoin: '你已被移出该小组，不能再次加入',
  invite_only: '该小组仅限邀请加入',
  not_joinable: '该小组暂不接受加入',
  not_member: '你不是该小组成员',
  leader_must_hand_over: '队长需要先把队长身份转交给其他成员，才能退出',
  street_unknown: '街道不存在',
  registration_number_required: '登记时请填写登记证号',
  filing_number_required: '备案时请填写备案编号',
  status_changed: '小组状态已变化，请刷新后再试',
};
export const hubsZhCN = {
  hubs_cannot_join_hubs: '枢纽组织之间不能互相加入',
  same_street_only: '只能邀请本街道（乡镇）的小组',
  in_another_hub: '该小组已加入其他枢纽组织',
  already_invited: '已经邀请过该小组',
  invite_not_found: '邀请不存在',
  invite_handled: '该邀请已处理',
  not_a_hub: '该小组不是枢纽组织',
};
export const membersZhCN = {
  request_not_found: '没有这条入组申请',
  cannot_remove_self: '不能移除自己，请使用“退出小组”',
  not_a_member: '该用户不是小组成员',
  cannot_remove_leader: '不能移除队长',
  only_leader_removes_deputy: '只有队长可以移除副队长',
  use_hand_over: '队长身份请使用“转交队长”',
  already_leader: '你已经是队长',
  hand_over_to_members_only: '只能转交给小组成员',
  invite_link_invalid: '邀请链接无效或已过期',
};
export const moderationZhCN = {
  content_not_found: '内容不存在或已删除',
  cannot_report_own: '不能举报自己发布的内容',
  already_reported: '你已经举报过该内容，我们会尽快处理',
  case_not_found: '处理记录不存在',
  nothing_to_restore: '该内容正在正常显示，无需恢复',
  no_pending_reports: '该内容没有待处理的举报',
  appeal_once: '每个处理只能申诉一次',
};
export const postsZhCN = {
  not_found: '公告不存在或已删除',
};
export const proxiesZhCN = {
  code_invalid: '授权码不正确或已过期',
  cannot_authorize_self: '不能授权给自己',
  grant_not_found: '没有这项代报名授权',
  resident_not_found: '没有找到这位居民',
  community_out_of_scope: '没有找到这个社区，或你不是这个社区的工作人员或网格员',
  proxy_user_not_found: '没有找到这位代办人，请让其先登录一次小程序',
  proxy_needs_own_account: '代办人必须有自己的微信账号',
  claim_code_invalid: '认领码不正确或已过期',
  already_claimed: '这个微信账号已经认领过一位居民',
  staff_cannot_claim: '工作人员账号不能认领居民账号，请用居民本人的微信',
  already_proxy: '此人已经是这位居民的代办人',
  has_own_account: '这位居民已有自己的账号',
};
export const regionsZhCN = {
  community_not_found: '社区不存在',
  community_unknown: '社区不存在',
  community_required: '请先选择你所在的社区',
  grid_area_not_offered: '请从本社区的网格中选择',
  import_county_staff_only: '只有区县工作人员可以导入区划',
  import_file_too_large: '文件不能超过 2 MB',
  import_county_missing: '该区县尚未建立，首次导入请由管理员用命令行完成（npm run admin -- regions import）',
  import_file_foreign: '不是导入页上传的文件',
  import_file_missing: '找不到上传的文件，请重新选择',
};
export const requestZhCN = {
  malformed: '请求格式不正确',
  unknown_action: '未知的操作：{action}',
  sign_in_required: '请先登录',
  request_id_required: '修改类操作需要有效的请求编号',
  account_suspended: '你的账号已被暂停使用，可在“我的”中查看原因并申诉',
  request_id_reused: '同一个请求编号被用于不同的操作',
  still_processing: '请求正在处理中，请稍后再试',
  too_frequent: '操作太频繁，请稍后再试',
  too_busy: '同时操作的人太多了，请稍后再试',
  forbidden: '没有权限进行此操作',
};
export const signupsZhCN = {
  blocked_for_no_shows: '你在本小组的活动中已缺席 {count} 次，{until} 前暂不能报名',
  too_young: '本活动要求年满 {minAge} 周岁',
  guardian_consent_required: '未满 18 周岁，报名需要监护人同意',
  adults_only: '本活动仅限成年人参加',
  not_open_yet: '报名尚未开始',
  closed: '报名已截止',
  no_proxy_for: '没有找到授权你代报名的居民',
  state_changed: '报名状态已变化，请刷新后再试',
  already_no_show: '你已缺席过本次活动',
  already_signed_up: '你已经报名了本次活动',
  still_settling: '报名正在处理中，请稍后刷新查看',
  not_found: '没有找到你的报名',
  already_cancelled: '该报名已取消',
  ended_cannot_cancel: '活动已结束，不能取消',
  no_seat_offer: '没有待确认的空位',
  seat_offer_expired: '空位确认已超时，名额已顺延',
  resident_has_no_signup: '该居民没有有效的报名',
  ended_cannot_remove: '活动已结束，不能移出',
  no_pending_approval: '没有待审核的报名',
  resident_not_confirmed: '该居民没有确认的报名',
  check_in_too_early: '活动开始前一小时才能签到',
  checked_in_cannot_be_absent: '已签到的居民不能标记为缺席',
  not_checked_in: '还没有签到，不能签退',
  check_in_code_invalid: '签到码不正确或已过期',
  outside_check_in_time: '不在签到时间内',
  no_confirmed_signup: '你没有本次活动的确认报名',
  missing_skills: '本活动需要以下技能：{skills}',
  birth_year_needed: '本活动有年龄要求，请先填写出生年份',
};
export const volunteersZhCN = {
  registration_required: '请先完成志愿者登记',
  not_registered: '你还没有登记为志愿者',
  unknown_volunteer_no: '没有这个志愿者编号',
  community_required: '请先在“我的”中选择所在社区',
  birth_date_after_today: '出生日期不能晚于今天',
  guardian_required: '未满 18 周岁需要监护人同意',
  id_already_registered: '该证件号已登记为志愿者',
  already_registered: '你已登记为志愿者',
};
export const noticesZhCN = {
  not_found: '通知不存在或已撤回',
  not_draft: '通知已发布，不能再修改；如有错误请撤回后重新发布',
  not_published: '只有已发布的通知可以撤回',
  valid_in_past: '有效期不能早于现在',
  valid_too_long: '有效期最长 90 天',
  too_many_live: '本社区同时有效的通知已达 {cap} 条，请先撤回过期或不再需要的通知',
  no_community: '请先选择你所在的社区',
};

/** The main package's groups by function: errors.<function>.<case> in the app's catalogue (zh-CN.ts). */
const errorsZhCN = {
  notices: noticesZhCN,
  account: accountZhCN,
  activities: activitiesZhCN,
  content: contentZhCN,
  groups: groupsZhCN,
  hubs: hubsZhCN,
  members: membersZhCN,
  moderation: moderationZhCN,
  posts: postsZhCN,
  proxies: proxiesZhCN,
  regions: regionsZhCN,
  request: requestZhCN,
  signups: signupsZhCN,
  volunteers: volunteersZhCN,
};

export default errorsZhCN;

/** The issue of a field case in its own words, where they differ from the message (keyed by reason). */
export const errorIssuesZhCN = {
  volunteers: {
    community_required: '请先选择所在社区',
  },
};
