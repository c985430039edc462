import moderationZhCN from '../../locales/moderation.zh-CN';

export default definePageConfig({
  navigationBarTitleText: moderationZhCN.titles.notices,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
