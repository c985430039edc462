import moderationZhCN from '../../locales/moderation.zh-CN';

export default definePageConfig({
  navigationBarTitleText: moderationZhCN.titles.dashboard,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
