import eventsZhCN from '../../locales/events.zh-CN';

export default definePageConfig({
  navigationBarTitleText: eventsZhCN.titles.inbox,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
