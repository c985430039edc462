import moderationZhCN from '../../locales/moderation.zh-CN';

export default definePageConfig({
  navigationBarTitleText: moderationZhCN.titles.appeals,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
