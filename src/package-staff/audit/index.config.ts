import moderationZhCN from '../../locales/moderation.zh-CN';

export default definePageConfig({
  navigationBarTitleText: moderationZhCN.titles.audit,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
