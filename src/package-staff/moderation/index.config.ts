import moderationZhCN from '../../locales/moderation.zh-CN';

export default definePageConfig({
  navigationBarTitleText: moderationZhCN.titles.queue,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
