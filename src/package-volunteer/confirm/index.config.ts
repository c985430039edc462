import volunteerZhCN from '../../locales/volunteer.zh-CN';

export default definePageConfig({
  navigationBarTitleText: volunteerZhCN.titles.confirm,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
