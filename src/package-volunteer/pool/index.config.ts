import volunteerZhCN from '../../locales/volunteer.zh-CN';

export default definePageConfig({
  navigationBarTitleText: volunteerZhCN.titles.pool,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
