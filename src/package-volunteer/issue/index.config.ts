import volunteerZhCN from '../../locales/volunteer.zh-CN';

export default definePageConfig({
  navigationBarTitleText: volunteerZhCN.titles.issue,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
