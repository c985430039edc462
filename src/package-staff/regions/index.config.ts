import moderationStaffZhCN from '../../locales/moderation.staff.zh-CN';

export default definePageConfig({
  navigationBarTitleText: moderationStaffZhCN.regionsImport.title,
  backgroundTextStyle: 'dark',
});
