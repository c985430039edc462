import zhCN from '../../locales/zh-CN';

export default definePageConfig({
  navigationBarTitleText: zhCN.titles.me,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
