import communityNoticesZhCN from '../../locales/communityNotices.zh-CN';

export default definePageConfig({
  navigationBarTitleText: communityNoticesZhCN.staff.title,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
