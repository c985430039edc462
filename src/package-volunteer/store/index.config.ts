import volunteerZhCN from '../../locales/volunteer.zh-CN';

export default definePageConfig({
  navigationBarTitleText: volunteerZhCN.titles.store,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
