import moderationZhCN from '../../locales/moderation.zh-CN';

export default definePageConfig({
  navigationBarTitleText: moderationZhCN.titles.staff,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
