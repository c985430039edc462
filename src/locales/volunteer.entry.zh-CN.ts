/**
 * The volunteer strings main-package pages use (我的 entries, the activity and roster links).
 * The rest (volunteer.zh-CN.ts) loads with package-volunteer, keeping the main package small.
 */
const volunteerEntryZhCN = {
  me: {
    section: '志愿服务',
    volunteer: '志愿服务',
    credits: '我的积分',
    store: '积分超市',
    proofs: '服务证明',
    review: '时长审核',
    issue: '证明出具',
    storeAdmin: '积分超市管理',
    rollcall: '应急召集',
  },
  activityLink: '我的志愿时长',
  rosterConfirm: '确认志愿时长',
};

export default volunteerEntryZhCN;
