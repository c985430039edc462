import zhCN from '../../locales/zh-CN';

export default definePageConfig({
  navigationBarTitleText: zhCN.titles.home,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
