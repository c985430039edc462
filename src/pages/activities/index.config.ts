import eventsZhCN from '../../locales/events.zh-CN';

export default definePageConfig({
  navigationBarTitleText: eventsZhCN.titles.activities,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
