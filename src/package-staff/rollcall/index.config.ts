import moderationStaffZhCN from '../../locales/moderation.staff.zh-CN';

export default definePageConfig({
  navigationBarTitleText: moderationStaffZhCN.rollcall.title,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
