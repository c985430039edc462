import eventsZhCN from '../../locales/events.zh-CN';

export default definePageConfig({
  navigationBarTitleText: eventsZhCN.titles.checkin,
});
