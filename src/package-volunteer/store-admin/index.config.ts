import volunteerZhCN from '../../locales/volunteer.zh-CN';

export default definePageConfig({
  navigationBarTitleText: volunteerZhCN.titles.storeAdmin,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
