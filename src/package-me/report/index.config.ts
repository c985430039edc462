import moderationZhCN from '../../locales/moderation.zh-CN';

export default definePageConfig({
  navigationBarTitleText: moderationZhCN.titles.report,
  backgroundTextStyle: 'dark',
});
