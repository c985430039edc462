import moderationZhCN from '../../locales/moderation.zh-CN';

export default definePageConfig({
  navigationBarTitleText: moderationZhCN.titles.roles,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
