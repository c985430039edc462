import eventsZhCN from '../../locales/events.zh-CN';

export default definePageConfig({
  navigationBarTitleText: eventsZhCN.titles.activity,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // The share card (weapp): see useShareAppMessage in index.tsx.
  enableShareAppMessage: true,
});
