import volunteerZhCN from '../../locales/volunteer.zh-CN';

export default definePageConfig({
  navigationBarTitleText: volunteerZhCN.titles.hours,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
