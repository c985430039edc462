import volunteerZhCN from '../../locales/volunteer.zh-CN';

export default definePageConfig({
  navigationBarTitleText: volunteerZhCN.titles.profile,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
