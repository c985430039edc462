import volunteerZhCN from '../../locales/volunteer.zh-CN';

export default definePageConfig({
  navigationBarTitleText: volunteerZhCN.titles.rollcall,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
